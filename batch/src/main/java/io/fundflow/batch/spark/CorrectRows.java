package io.fundflow.batch.spark;

import io.fundflow.batch.report.DiffSample;
import io.fundflow.batch.report.TableOutcome;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.reconcile.CorrectionWrites;
import io.fundflow.common.reconcile.DiffCounts;
import io.fundflow.common.reconcile.RowDiff;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Compares expected with served rows (a full outer join on rowkey: columns {@code E_KEY}, {@code
 * E_VALUE}, {@code S_KEY}, {@code S_VALUE}) with common's {@link RowDiff}, sends the writes
 * {@link CorrectionWrites} decides (unless a dry run) through one {@link BufferedMutator} per task,
 * and returns one {@link TableOutcome} per partition. Writes are idempotent (same cells, same
 * version), so a retried task or a rerun converges.
 */
public final class CorrectRows implements FlatMapFunction<Iterator<Row>, TableOutcome> {

  /** Which table the rows belong to. */
  public enum Kind {
    DETAIL,
    SUMMARY
  }

  private final Kind kind;
  private final HBaseClientSettings hbase;
  private final long version;
  private final boolean dryRun;
  private final int sampleSize;
  private final long writeBufferBytes;

  public CorrectRows(
      Kind kind,
      HBaseClientSettings hbase,
      long version,
      boolean dryRun,
      int sampleSize,
      long writeBufferBytes) {
    this.kind = kind;
    this.hbase = hbase;
    this.version = version;
    this.dryRun = dryRun;
    this.sampleSize = sampleSize;
    this.writeBufferBytes = writeBufferBytes;
  }

  @Override
  public Iterator<TableOutcome> call(Iterator<Row> rows) throws Exception {
    if (dryRun) {
      return List.of(compare(rows, null)).iterator();
    }
    String table =
        kind == Kind.DETAIL
            ? io.fundflow.common.hbase.HBaseLayout.FUND_FLOW_TABLE
            : io.fundflow.common.hbase.HBaseLayout.CUSTOMER_DAY_TABLE;
    try (Connection connection = ConnectionFactory.createConnection(hbase.toConfiguration());
        BufferedMutator mutator =
            connection.getBufferedMutator(
                new BufferedMutatorParams(HBaseMutations.tableName(table))
                    .writeBufferSize(writeBufferBytes))) {
      TableOutcome outcome = compare(rows, mutator);
      // close() flushes too, but an explicit flush surfaces a failed write inside the task.
      mutator.flush();
      return List.of(outcome).iterator();
    }
  }

  private TableOutcome compare(Iterator<Row> rows, BufferedMutator mutator) throws Exception {
    DiffCounts counts = DiffCounts.ZERO;
    long writes = 0;
    List<DiffSample> samples = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      byte[] expected = r.getAs("E_VALUE");
      byte[] served = r.getAs("S_VALUE");
      byte[] key = r.getAs("E_KEY");
      if (key == null) {
        key = r.getAs("S_KEY");
      }
      if (kind == Kind.SUMMARY && served != null && served.length == 0) {
        served = null; // the stream's cell for a day without entries (CustomerDayRows.empty)
        if (expected == null) {
          continue;
        }
      } else if (served == null && r.getAs("S_KEY") != null) {
        served = new byte[0]; // a served row without the cell: unreadable, not absent
      }
      Optional<RowMutation> write;
      RowDiff<?> diff;
      if (kind == Kind.DETAIL) {
        RowDiff<FundFlow> d = RowDiff.ofEncoded(expected, served, FundFlowJson::decode);
        write = CorrectionWrites.flow(key, d, version);
        diff = d;
      } else {
        RowDiff<CustomerDaySummary> d =
            RowDiff.ofEncoded(expected, served, CustomerDaySummaryJson::decode);
        write = CorrectionWrites.summary(key, d, version);
        diff = d;
      }
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
    return new TableOutcome(counts, writes, samples);
  }

  private String describe(byte[] key) {
    try {
      return kind == Kind.DETAIL
          ? FundFlowRowKey.decode(key).toString()
          : CustomerDayRowKey.decode(key).toString();
    } catch (RuntimeException e) {
      return HexFormat.of().formatHex(key);
    }
  }

  private static String text(byte[] json) {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }
}
