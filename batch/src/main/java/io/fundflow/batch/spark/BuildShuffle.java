package io.fundflow.batch.spark;

import io.fundflow.batch.TradeDate;
import io.fundflow.common.hbase.HBaseLayout;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.TreeSet;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * The map side of the correction's one shuffle: each joined journal entry through {@link
 * BuildFlows}, out as its detail rowkey and {@link FlowValue} (summary figures and flow JSON), or
 * as a rejected entry; after the partition's last row, its occur days to every salt ({@link
 * ShuffleKeys}). Streams; holds only the set of occur days.
 */
public final class BuildShuffle implements PairFlatMapFunction<Iterator<JoinedEntry>, byte[], byte[]> {

  private final BuildFlows flows;
  private final LongAccumulator journalRows;
  private final LongAccumulator rejectedRows;

  /**
   * @param journalRows counts the rows read, and {@code rejectedRows} the rejected ones, for the
   *     console's progress only: a retried task may count twice, so the report counts elsewhere
   */
  public BuildShuffle(BuildFlows flows, LongAccumulator journalRows, LongAccumulator rejectedRows) {
    this.flows = flows;
    this.journalRows = journalRows;
    this.rejectedRows = rejectedRows;
  }

  @Override
  public Iterator<Tuple2<byte[], byte[]>> call(Iterator<JoinedEntry> joined) {
    return new Iterator<>() {
      private final TreeSet<Integer> occurDays = new TreeSet<>();
      private int lastOccurDay;
      private Queue<Tuple2<byte[], byte[]>> markers;

      @Override
      public boolean hasNext() {
        if (joined.hasNext()) {
          return true;
        }
        if (markers == null) {
          markers = new ArrayDeque<>();
          for (int day : occurDays) {
            LocalDate d = TradeDate.toLocalDate(day);
            for (int salt = 0; salt < HBaseLayout.SALT_BUCKETS; salt++) {
              markers.add(new Tuple2<>(ShuffleKeys.occurDay(salt, d), new byte[0]));
            }
          }
        }
        return !markers.isEmpty();
      }

      @Override
      public Tuple2<byte[], byte[]> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (markers != null) {
          return markers.remove();
        }
        BuildFlows.Flow flow = flows.build(joined.next());
        journalRows.add(1);
        if (flow.isRejected()) {
          rejectedRows.add(1);
          return new Tuple2<>(ShuffleKeys.rejected(), flow.rejected().getBytes(StandardCharsets.UTF_8));
        }
        // Almost every entry occurs on the day of the one before: skip the set for those.
        if (flow.occurDay() != lastOccurDay) {
          occurDays.add(flow.occurDay());
          lastOccurDay = flow.occurDay();
        }
        return new Tuple2<>(flow.rowKey(), FlowValue.of(flow.figures(), flow.json()));
      }
    };
  }
}
