package io.fundflow.batch.spark;

import io.fundflow.batch.report.DiffSample;
import io.fundflow.batch.report.TableOutcome;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.reconcile.CorrectionWrites;
import io.fundflow.common.reconcile.DiffCounts;
import io.fundflow.common.reconcile.DiffKind;
import io.fundflow.common.reconcile.RowDiff;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;

/**
 * The expected and served values of one table's rows, pair by pair ({@link #compare}): diffed with
 * common's {@link RowDiff}, corrected with the write common's {@link CorrectionWrites} decides
 * (through one {@link BufferedMutator}, none in a dry run), counted, and sampled for the report.
 *
 * @param <T> the decoded row: a flow or a customer-day summary
 */
final class TableCorrections<T extends Record> implements SortedMerge.Pairs, AutoCloseable {

  /** {@code CorrectionWrites.flow} or {@code CorrectionWrites.summary}. */
  @FunctionalInterface
  private interface WriteOf<T extends Record> {
    Optional<RowMutation> write(byte[] rowKey, RowDiff<T> diff, long version);
  }

  private final String table;
  private final Function<byte[], T> decoder;
  private final WriteOf<T> writeOf;
  private final Function<byte[], Object> keyOf;
  private final boolean emptyIsAbsent;
  private final WriteSettings settings;
  private final BufferedMutator mutator;
  private final List<DiffSample> samples = new ArrayList<>();
  private DiffCounts counts = DiffCounts.ZERO;
  private long writes;

  private TableCorrections(
      Connection connection,
      String table,
      Function<byte[], T> decoder,
      WriteOf<T> writeOf,
      Function<byte[], Object> keyOf,
      boolean emptyIsAbsent,
      WriteSettings settings)
      throws IOException {
    this.table = table;
    this.decoder = decoder;
    this.writeOf = writeOf;
    this.keyOf = keyOf;
    this.emptyIsAbsent = emptyIsAbsent;
    this.settings = settings;
    this.mutator =
        settings.dryRun()
            ? null
            : connection.getBufferedMutator(
                new BufferedMutatorParams(HBaseMutations.tableName(table))
                    .writeBufferSize(settings.writeBufferBytes()));
  }

  /** The fund-flow detail rows. */
  static TableCorrections<FundFlow> details(Connection connection, WriteSettings settings)
      throws IOException {
    return new TableCorrections<>(
        connection, HBaseLayout.FUND_FLOW_TABLE, FundFlowJson::decode, CorrectionWrites::flow,
        FundFlowRowKey::decode, false, settings);
  }

  /**
   * The customer-day summaries; an empty served cell is the stream's mark of a customer-day without
   * entries ({@code CustomerDayRows.empty}), so it counts as no summary.
   */
  static TableCorrections<CustomerDaySummary> summaries(
      Connection connection, WriteSettings settings) throws IOException {
    return new TableCorrections<>(
        connection, HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDaySummaryJson::decode,
        CorrectionWrites::summary, CustomerDayRowKey::decode, true, settings);
  }

  /**
   * Compares one row's values and sends the correcting write, if any.
   *
   * @param expected null when nothing is expected under the key
   * @param served null when nothing is served under the key
   */
  @Override
  public void pair(byte[] key, byte[] expected, byte[] served) throws IOException {
    if (emptyIsAbsent && served != null && served.length == 0) {
      served = null;
      if (expected == null) {
        return;
      }
    }
    if (expected != null && Arrays.equals(expected, served)) {
      // Equal bytes match (as in RowDiff.ofEncoded) with neither side decoded: the common case.
      counts = counts.plus(DiffKind.MATCHED);
      return;
    }
    RowDiff<T> diff = RowDiff.ofEncoded(expected, served, decoder);
    counts = counts.plus(diff.kind());
    Optional<RowMutation> write = writeOf.write(key, diff, settings.version());
    if (write.isEmpty()) {
      return;
    }
    if (mutator != null) {
      mutator.mutate(HBaseMutations.toHBase(write.get()));
      writes++;
    }
    if (samples.size() < settings.sampleSize()) {
      samples.add(
          new DiffSample(table, describe(key), diff.kind(), diff.fields(), text(served), text(expected)));
    }
  }

  /** Sends every buffered write; a failed one fails the task here rather than at close. */
  void flush() throws IOException {
    if (mutator != null) {
      mutator.flush();
    }
  }

  /** What was compared and written so far. */
  TableOutcome outcome() {
    return new TableOutcome(counts, writes, samples);
  }

  @Override
  public void close() throws IOException {
    if (mutator != null) {
      mutator.close();
    }
  }

  private String describe(byte[] key) {
    try {
      return keyOf.apply(key).toString();
    } catch (RuntimeException e) {
      return HexFormat.of().formatHex(key);
    }
  }

  private static String text(byte[] json) {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }
}
