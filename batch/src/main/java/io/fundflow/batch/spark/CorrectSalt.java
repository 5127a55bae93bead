package io.fundflow.batch.spark;

import io.fundflow.batch.report.DiffSample;
import io.fundflow.batch.report.TableOutcome;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.KeyRange;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.reconcile.CorrectionWrites;
import io.fundflow.common.reconcile.DiffCounts;
import io.fundflow.common.reconcile.RowDiff;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Diffs and corrects everything of one salt in one task: the expected detail rows of the salt
 * (rowkey → flow JSON, sorted in rowkey order by {@link SaltPartitioner}) are merged with a scan of
 * the salt's served detail rows (the {@code salt | bucket} prefix of every day to scan, rows of the
 * trading day only), and the customer-day summaries built from the same flows with the stream's
 * {@link CustomerDayAccumulator} are merged with a scan of the salt's summary prefix of the day.
 * Both sides arrive sorted, so neither is held in memory nor shuffled: only the expected flows
 * travel, once. Each pair goes through common's {@link RowDiff} and {@link CorrectionWrites}; the
 * writes (unless a dry run) through one {@link BufferedMutator} per table. Writes are idempotent
 * (same cells, same version), so a retried task or a rerun converges.
 */
public final class CorrectSalt
    implements Function2<Integer, Iterator<Tuple2<byte[], byte[]>>, Iterator<CorrectSalt.Outcome>> {

  /** What one salt's task found and wrote, per table. */
  public record Outcome(TableOutcome details, TableOutcome summaries) implements Serializable {}

  private final HBaseClientSettings hbase;
  private final int tradeDate;
  private final List<LocalDate> detailDays;
  private final long version;
  private final boolean dryRun;
  private final int sampleSize;
  private final long writeBufferBytes;

  /**
   * @param tradeDate the corrected INIT_DATE: detail rows of other trading days in the scanned
   *     buckets are left alone
   * @param detailDays the occur-day buckets to scan for the day's detail rows
   */
  public CorrectSalt(
      HBaseClientSettings hbase,
      int tradeDate,
      List<LocalDate> detailDays,
      long version,
      boolean dryRun,
      int sampleSize,
      long writeBufferBytes) {
    this.hbase = hbase;
    this.tradeDate = tradeDate;
    this.detailDays = List.copyOf(detailDays);
    this.version = version;
    this.dryRun = dryRun;
    this.sampleSize = sampleSize;
    this.writeBufferBytes = writeBufferBytes;
  }

  @Override
  public Iterator<Outcome> call(Integer salt, Iterator<Tuple2<byte[], byte[]>> expected)
      throws Exception {
    List<byte[]> detailPrefixes = new ArrayList<>();
    for (LocalDate d : detailDays) {
      detailPrefixes.add(FundFlowRowKey.dayPrefixes(d).get(salt));
    }
    // Scanned one after the other, the prefixes must come in rowkey order to merge with the sorted
    // expected rows (later days have smaller buckets).
    detailPrefixes.sort(SaltPartitioner.ROW_KEY_ORDER);
    byte[] summaryPrefix = CustomerDayRowKey.dayPrefixes(tradeDate).get(salt);
    try (Connection connection = ConnectionFactory.createConnection(hbase.toConfiguration());
        Corrections<FundFlow> details =
            new Corrections<>(
                connection, HBaseLayout.FUND_FLOW_TABLE, FundFlowJson::decode,
                CorrectionWrites::flow, false);
        Corrections<CustomerDaySummary> summaries =
            new Corrections<>(
                connection, HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDaySummaryJson::decode,
                CorrectionWrites::summary, true)) {
      Map<CustomerDayKey, CustomerDayAccumulator> days = new HashMap<>();
      Iterator<byte[][]> expectedDetails =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return expected.hasNext();
            }

            @Override
            public byte[][] next() {
              Tuple2<byte[], byte[]> row = expected.next();
              // The summaries of the salt's customers, from the same flows, with the stream's
              // accumulator: a customer's flows all carry the customer's salt.
              FundFlow flow = FundFlowJson.decode(row._2());
              days.computeIfAbsent(CustomerDayKey.of(flow), CustomerDayAccumulator::new).add(flow);
              return new byte[][] {row._1(), row._2()};
            }
          };
      try (ServedRows served =
          new ServedRows(connection, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.FLOW_CELL,
              detailPrefixes, tradeDate)) {
        merge(expectedDetails, served, details);
      }
      TreeMap<byte[], byte[]> expectedSummaries = new TreeMap<>(SaltPartitioner.ROW_KEY_ORDER);
      days.forEach(
          (key, acc) ->
              expectedSummaries.put(
                  CustomerDayRows.rowKey(key), CustomerDaySummaryJson.encode(acc.toSummary())));
      days.clear();
      Iterator<byte[][]> sortedSummaries =
          expectedSummaries.entrySet().stream()
              .map(e -> new byte[][] {e.getKey(), e.getValue()})
              .iterator();
      try (ServedRows served =
          new ServedRows(connection, HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRows.SUMMARY_CELL,
              List.of(summaryPrefix), 0)) {
        merge(sortedSummaries, served, summaries);
      }
      details.flush();
      summaries.flush();
      return List.of(new Outcome(details.outcome(), summaries.outcome())).iterator();
    }
  }

  /**
   * Merges two sorted runs of {key, value}: equal keys are compared with each other, a key on one
   * side only is missing or extra. Should the source repeat a rowkey, each of its rows is compared
   * with the one served row, as a join would.
   */
  private static void merge(
      Iterator<byte[][]> expected, Iterator<byte[][]> served, Corrections<?> corrections)
      throws IOException {
    byte[][] e = expected.hasNext() ? expected.next() : null;
    byte[][] s = served.hasNext() ? served.next() : null;
    while (e != null || s != null) {
      int c = e == null ? 1 : s == null ? -1 : Arrays.compareUnsigned(e[0], s[0]);
      if (c < 0) {
        corrections.compare(e[0], e[1], null, false);
        e = expected.hasNext() ? expected.next() : null;
      } else if (c > 0) {
        corrections.compare(s[0], null, s[1], true);
        s = served.hasNext() ? served.next() : null;
      } else {
        corrections.compare(e[0], e[1], s[1], true);
        e = expected.hasNext() ? expected.next() : null;
        if (e == null || !Arrays.equals(e[0], s[0])) {
          s = served.hasNext() ? served.next() : null;
        }
      }
    }
  }

  /** Decoding, diffing, writing and counting for one table. */
  private final class Corrections<T extends Record> implements AutoCloseable {
    private final String table;
    private final java.util.function.Function<byte[], T> decoder;
    private final WriteOf<T> writeOf;
    private final boolean summary;
    private final BufferedMutator mutator;
    private DiffCounts counts = DiffCounts.ZERO;
    private long writes;
    private final List<DiffSample> samples = new ArrayList<>();

    Corrections(
        Connection connection,
        String table,
        java.util.function.Function<byte[], T> decoder,
        WriteOf<T> writeOf,
        boolean summary)
        throws IOException {
      this.table = table;
      this.decoder = decoder;
      this.writeOf = writeOf;
      this.summary = summary;
      this.mutator =
          dryRun
              ? null
              : connection.getBufferedMutator(
                  new BufferedMutatorParams(HBaseMutations.tableName(table))
                      .writeBufferSize(writeBufferBytes));
    }

    /**
     * @param rowServed whether a served row exists under the key (its cell may still be absent)
     */
    void compare(byte[] key, byte[] expected, byte[] served, boolean rowServed) throws IOException {
      if (summary && served != null && served.length == 0) {
        served = null; // the stream's cell for a day without entries (CustomerDayRows.empty)
        if (expected == null) {
          return;
        }
      } else if (served == null && rowServed) {
        served = new byte[0]; // a served row without the cell: unreadable, not absent
      }
      RowDiff<T> diff = RowDiff.ofEncoded(expected, served, decoder);
      Optional<RowMutation> write = writeOf.write(key, diff, version);
      counts = counts.plus(diff.kind());
      if (write.isPresent()) {
        if (mutator != null) {
          mutator.mutate(HBaseMutations.toHBase(write.get()));
          writes++;
        }
        if (samples.size() < sampleSize) {
          samples.add(
              new DiffSample(
                  write.get().table(), describe(key), diff.kind(), diff.fields(), text(served),
                  text(expected)));
        }
      }
    }

    void flush() throws IOException {
      // close() flushes too, but an explicit flush surfaces a failed write inside the task.
      if (mutator != null) {
        mutator.flush();
      }
    }

    TableOutcome outcome() {
      return new TableOutcome(counts, writes, samples);
    }

    private String describe(byte[] key) {
      try {
        return summary
            ? CustomerDayRowKey.decode(key).toString()
            : FundFlowRowKey.decode(key).toString();
      } catch (RuntimeException e) {
        return HexFormat.of().formatHex(key);
      }
    }

    @Override
    public void close() throws IOException {
      if (mutator != null) {
        mutator.close();
      }
    }

    @Override
    public String toString() {
      return "corrections of " + table;
    }
  }

  /** {@code CorrectionWrites.flow} or {@code CorrectionWrites.summary}. */
  @FunctionalInterface
  private interface WriteOf<T extends Record> {
    Optional<RowMutation> write(byte[] rowKey, RowDiff<T> diff, long version);
  }

  /**
   * The served {key, value} rows under some prefixes, scanned one prefix after the other and
   * streamed (never collected); detail rows of other trading days are skipped.
   */
  private static final class ServedRows implements Iterator<byte[][]>, AutoCloseable {
    private final Table table;
    private final byte[] family = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
    private final byte[] column;
    private final Iterator<byte[]> prefixes;
    private final int initDateSuffix;
    private ResultScanner scanner;
    private byte[][] next;

    /**
     * @param initDateSuffix keep only detail rows of this INIT_DATE; 0 to keep every row under the
     *     prefixes (summaries: the prefix is the trading day)
     */
    ServedRows(
        Connection connection, String table, String qualifier, List<byte[]> prefixes,
        int initDateSuffix)
        throws IOException {
      this.table = connection.getTable(HBaseMutations.tableName(table));
      this.column = qualifier.getBytes(StandardCharsets.UTF_8);
      this.prefixes = prefixes.iterator();
      this.initDateSuffix = initDateSuffix;
      advance();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public byte[][] next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      byte[][] current = next;
      try {
        advance();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return current;
    }

    private void advance() throws IOException {
      next = null;
      while (true) {
        if (scanner == null) {
          if (!prefixes.hasNext()) {
            return;
          }
          KeyRange range = KeyRange.prefix(prefixes.next());
          scanner =
              table.getScanner(
                  new Scan()
                      .withStartRow(range.startInclusive())
                      .withStopRow(range.stopExclusive())
                      .addColumn(family, column)
                      .setCaching(1000)
                      .setCacheBlocks(false));
        }
        Result r = scanner.next();
        if (r == null) {
          scanner.close();
          scanner = null;
          continue;
        }
        byte[] row = r.getRow();
        if (initDateSuffix == 0 || FundFlowRowKey.hasInitDate(row, initDateSuffix)) {
          next = new byte[][] {row, r.getValue(family, column)};
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      if (scanner != null) {
        scanner.close();
      }
      table.close();
    }
  }

  private static String text(byte[] json) {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }
}
