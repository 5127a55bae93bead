package io.fundflow.batch.spark;

import io.fundflow.batch.report.TableOutcome;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.DayBucketManifest;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Diffs and corrects everything of one salt in one task (one HBase connection). The salt's share
 * of the shuffle arrives sorted as HBase sorts ({@link SaltPartitioner}): first its control records
 * ({@link ShuffleKeys}: the rejected entries, to salt 0, and every occur day of the day-end data),
 * then its expected detail rows (rowkey → {@link FlowValue}), which are merged with a streamed
 * scan of the salt's served detail rows in the day's buckets; the customer-day summaries counted
 * from the same flows' figures with the stream's accumulator are merged with a scan of the salt's
 * summaries of the day.
 * Only the expected flows travel, once; served rows are neither shuffled nor held in memory. Writes
 * are idempotent (same cells, same version), so a retried task converges.
 */
public final class CorrectSalt
    implements Function2<Integer, Iterator<Tuple2<byte[], byte[]>>, Iterator<CorrectSalt.Outcome>> {

  /**
   * What one salt's task found and wrote, per table; the rejected entries (salt 0 only: their
   * count and a sample of why) and the occur days of the day-end data.
   */
  public record Outcome(
      TableOutcome details,
      TableOutcome summaries,
      long rejected,
      List<String> rejectedSample,
      List<LocalDate> occurDays)
      implements Serializable {}

  private final int tradeDate;
  private final List<LocalDate> manifestDays;
  private final WriteSettings settings;

  /**
   * @param tradeDate the corrected INIT_DATE: detail rows of other trading days in the scanned
   *     buckets are left alone
   * @param manifestDays the occur-day buckets the manifest records for the day; the task scans
   *     these, the trading day's and the day-end data's occur days ({@link DayBucketManifest})
   */
  public CorrectSalt(int tradeDate, List<LocalDate> manifestDays, WriteSettings settings) {
    this.tradeDate = tradeDate;
    this.manifestDays = List.copyOf(manifestDays);
    this.settings = settings;
  }

  @Override
  public Iterator<Outcome> call(Integer salt, Iterator<Tuple2<byte[], byte[]>> shuffled)
      throws Exception {
    Peeking rows = new Peeking(shuffled);
    long rejected = 0;
    List<String> rejectedSample = new ArrayList<>();
    Set<LocalDate> occurDays = new TreeSet<>();
    while (rows.hasNext() && ShuffleKeys.isControl(rows.peek()._1())) {
      Tuple2<byte[], byte[]> control = rows.next();
      if (ShuffleKeys.isRejected(control._1())) {
        rejected++;
        if (rejectedSample.size() < settings.sampleSize()) {
          rejectedSample.add(new String(control._2(), StandardCharsets.UTF_8));
        }
      } else {
        occurDays.add(ShuffleKeys.occurDayOf(control._1()));
      }
    }
    try (Connection connection =
            ConnectionFactory.createConnection(settings.hbase().toConfiguration());
        TableCorrections<FundFlow> details = TableCorrections.details(connection, settings);
        TableCorrections<CustomerDaySummary> summaries =
            TableCorrections.summaries(connection, settings)) {
      if (!settings.dryRun()) {
        // Manifest first, as the stream does: a later run finds these buckets even if this one
        // dies. Every task writes the same cells, so whichever writes first, they are there.
        writeManifest(connection, occurDays);
      }
      CustomerDaySummaries expectedSummaries = new CustomerDaySummaries();
      NavigableSet<LocalDate> days = DayBucketManifest.daysToScan(tradeDate, manifestDays, occurDays);
      try (ServedRows served =
          new ServedRows(connection, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.FLOW_CELL,
              detailPrefixes(salt, days), tradeDate)) {
        SortedMerge.merge(summarizing(rows, expectedSummaries), served, details);
      }
      try (ServedRows served =
          new ServedRows(connection, HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRows.SUMMARY_CELL,
              List.of(CustomerDayRowKey.dayPrefixes(tradeDate).get(salt)), 0)) {
        SortedMerge.merge(sorted(expectedSummaries), served, summaries);
      }
      details.flush();
      summaries.flush();
      return List.of(
              new Outcome(details.outcome(), summaries.outcome(), rejected, rejectedSample,
                  List.copyOf(occurDays)))
          .iterator();
    }
  }

  /** Records in the day's manifest the occur days it does not list yet. */
  private void writeManifest(Connection connection, Set<LocalDate> occurDays) throws IOException {
    List<Put> puts = new ArrayList<>();
    for (LocalDate d : occurDays) {
      if (!manifestDays.contains(d)) {
        puts.add((Put) HBaseMutations.toHBase(FundFlowRows.manifest(tradeDate, d, settings.version())));
      }
    }
    if (!puts.isEmpty()) {
      try (Table t = connection.getTable(HBaseMutations.tableName(HBaseLayout.DAY_BUCKET_TABLE))) {
        t.put(puts);
      }
    }
  }

  /** The salt's {@code salt | bucket} prefix of every day to scan, in rowkey order (newest first). */
  private static List<byte[]> detailPrefixes(int salt, Set<LocalDate> days) {
    List<byte[]> prefixes = new ArrayList<>();
    for (LocalDate d : days) {
      prefixes.add(FundFlowRowKey.dayPrefixes(d).get(salt));
    }
    prefixes.sort(SaltPartitioner.ROW_KEY_ORDER);
    return prefixes;
  }

  /**
   * The expected detail rows (their flow JSON) as they stream past, each flow's figures also
   * counted into its customer-day's summary: a customer's rows all carry its salt, so the salt's
   * task sees all of them.
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
        summaries.add(FlowValue.figures(row._2()));
        return new RowCell(row._1(), FlowValue.json(row._2()));
      }
    };
  }

  /** An iterator that can show its next element without taking it. */
  private static final class Peeking implements Iterator<Tuple2<byte[], byte[]>> {
    private final Iterator<Tuple2<byte[], byte[]>> rows;
    private Tuple2<byte[], byte[]> next;

    Peeking(Iterator<Tuple2<byte[], byte[]>> rows) {
      this.rows = rows;
    }

    Tuple2<byte[], byte[]> peek() {
      if (next == null) {
        next = rows.next();
      }
      return next;
    }

    @Override
    public boolean hasNext() {
      return next != null || rows.hasNext();
    }

    @Override
    public Tuple2<byte[], byte[]> next() {
      Tuple2<byte[], byte[]> row = peek();
      next = null;
      return row;
    }
  }

  /** The summaries as encoded rows in rowkey order, to merge with the scan. */
  private static Iterator<RowCell> sorted(CustomerDaySummaries summaries) {
    TreeMap<byte[], byte[]> rows = new TreeMap<>(SaltPartitioner.ROW_KEY_ORDER);
    summaries.summaries()
        .forEach((key, s) -> rows.put(CustomerDayRows.rowKey(key), CustomerDaySummaryJson.encode(s)));
    return rows.entrySet().stream().map(e -> new RowCell(e.getKey(), e.getValue())).iterator();
  }
}
