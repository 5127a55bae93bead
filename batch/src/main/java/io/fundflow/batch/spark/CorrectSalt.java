package io.fundflow.batch.spark;

import io.fundflow.batch.report.TableOutcome;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Diffs and corrects everything of one salt in one task (one HBase connection): the salt's expected
 * detail rows (rowkey → flow JSON, sorted as HBase sorts by {@link SaltPartitioner}) are merged
 * with a streamed scan of the salt's served detail rows of the day; the customer-day summaries
 * built from the same flows with the stream's accumulator are merged with a scan of the salt's
 * summaries of the day. Only the expected flows travel, once; served rows are neither shuffled nor
 * held in memory. Writes are idempotent (same cells, same version), so a retried task converges.
 */
public final class CorrectSalt
    implements Function2<Integer, Iterator<Tuple2<byte[], byte[]>>, Iterator<CorrectSalt.Outcome>> {

  /** What one salt's task found and wrote, per table. */
  public record Outcome(TableOutcome details, TableOutcome summaries) implements Serializable {}

  private final int tradeDate;
  private final List<LocalDate> detailDays;
  private final WriteSettings settings;

  /**
   * @param tradeDate the corrected INIT_DATE: detail rows of other trading days in the scanned
   *     buckets are left alone
   * @param detailDays the occur-day buckets that hold the day's detail rows
   */
  public CorrectSalt(int tradeDate, List<LocalDate> detailDays, WriteSettings settings) {
    this.tradeDate = tradeDate;
    this.detailDays = List.copyOf(detailDays);
    this.settings = settings;
  }

  @Override
  public Iterator<Outcome> call(Integer salt, Iterator<Tuple2<byte[], byte[]>> expected)
      throws Exception {
    try (Connection connection =
            ConnectionFactory.createConnection(settings.hbase().toConfiguration());
        TableCorrections<FundFlow> details = TableCorrections.details(connection, settings);
        TableCorrections<CustomerDaySummary> summaries =
            TableCorrections.summaries(connection, settings)) {
      CustomerDaySummaries expectedSummaries = new CustomerDaySummaries();
      try (ServedRows served =
          new ServedRows(connection, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.FLOW_CELL,
              detailPrefixes(salt), tradeDate)) {
        SortedMerge.merge(summarizing(expected, expectedSummaries), served, details);
      }
      try (ServedRows served =
          new ServedRows(connection, HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRows.SUMMARY_CELL,
              List.of(CustomerDayRowKey.dayPrefixes(tradeDate).get(salt)), 0)) {
        SortedMerge.merge(sorted(expectedSummaries), served, summaries);
      }
      details.flush();
      summaries.flush();
      return List.of(new Outcome(details.outcome(), summaries.outcome())).iterator();
    }
  }

  /** The salt's {@code salt | bucket} prefix of every day to scan, in rowkey order (newest first). */
  private List<byte[]> detailPrefixes(int salt) {
    List<byte[]> prefixes = new ArrayList<>();
    for (LocalDate d : detailDays) {
      prefixes.add(FundFlowRowKey.dayPrefixes(d).get(salt));
    }
    prefixes.sort(SaltPartitioner.ROW_KEY_ORDER);
    return prefixes;
  }

  /**
   * The expected detail rows as they stream past, each flow also counted into its customer-day's
   * summary: a customer's rows all carry its salt, so the salt's task sees all of them.
   */
  private static Iterator<RowCell> summarizing(
      Iterator<Tuple2<byte[], byte[]>> rows, CustomerDaySummaries summaries) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public RowCell next() {
        Tuple2<byte[], byte[]> row = rows.next();
        summaries.add(FundFlowJson.decode(row._2()));
        return new RowCell(row._1(), row._2());
      }
    };
  }

  /** The summaries as encoded rows in rowkey order, to merge with the scan. */
  private static Iterator<RowCell> sorted(CustomerDaySummaries summaries) {
    TreeMap<byte[], byte[]> rows = new TreeMap<>(SaltPartitioner.ROW_KEY_ORDER);
    summaries.summaries()
        .forEach((key, s) -> rows.put(CustomerDayRows.rowKey(key), CustomerDaySummaryJson.encode(s)));
    return rows.entrySet().stream().map(e -> new RowCell(e.getKey(), e.getValue())).iterator();
  }
}
