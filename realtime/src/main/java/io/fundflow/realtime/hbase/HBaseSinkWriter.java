package io.fundflow.realtime.hbase;

import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.RetriesExhaustedWithDetailsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes mutations through one {@link BufferedMutator} per table. Transient failures are retried by
 * the HBase client ({@code hbase.client.retries.number}); a write that still fails is remembered
 * and fails the next {@code write} or {@code flush}, so the checkpoint that would have acknowledged
 * it never completes and the job replays from the previous one. The client's own timer sends a
 * buffer older than the flush interval, so rows become visible within it even when the buffer does
 * not fill — without blocking the task thread, which a synchronous flush on a Flink timer did
 * (measured: the writer spent half its time waiting in those flushes).
 */
final class HBaseSinkWriter implements SinkWriter<RowMutation> {

  private static final Logger LOG = LoggerFactory.getLogger(HBaseSinkWriter.class);

  private final Connection connection;
  private final long writeBufferBytes;
  private final Duration flushInterval;
  private final HBaseSinkMetrics metrics;
  private final Map<String, BufferedMutator> mutators = new HashMap<>();
  private final AtomicReference<RetriesExhaustedWithDetailsException> failure = new AtomicReference<>();

  /**
   * Per table, the kind of the last mutation written per row since that table's last synchronous
   * flush. A put and a delete of the same row in one batch could be applied in either order by the
   * region server, so a change of kind flushes that table first. (Explicit cell versions make the
   * result right either way; this keeps the order visible to readers too.) Rows the timer's
   * asynchronous flushes already sent stay listed until the next checkpoint: at worst an extra
   * flush.
   */
  private final Map<String, Map<ByteBuffer, RowMutation.Kind>> pendingKinds = new HashMap<>();

  HBaseSinkWriter(
      HBaseClientSettings settings,
      long writeBufferBytes,
      Duration flushInterval,
      HBaseSinkMetrics metrics)
      throws IOException {
    this.connection = ConnectionFactory.createConnection(settings.toConfiguration());
    this.writeBufferBytes = writeBufferBytes;
    this.flushInterval = flushInterval;
    this.metrics = metrics;
  }

  @Override
  public void write(RowMutation mutation, Context context) throws IOException {
    rethrowFailure();
    ByteBuffer rowId = ByteBuffer.wrap(mutation.row());
    Map<ByteBuffer, RowMutation.Kind> pending =
        pendingKinds.computeIfAbsent(mutation.table(), t -> new HashMap<>());
    RowMutation.Kind previous = pending.put(rowId, mutation.kind());
    BufferedMutator mutator = mutator(mutation.table());
    if (previous != null && previous != mutation.kind()) {
      // Only this table's buffer can hold the row: flush it alone, the others keep filling.
      flush(mutation.table(), mutator);
      pending.clear();
      pending.put(rowId, mutation.kind());
      rethrowFailure();
    }
    mutator.mutate(HBaseMutations.toHBase(mutation));
    metrics.mutations.inc();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    flushAll();
  }

  private void flushAll() throws IOException {
    for (Map.Entry<String, BufferedMutator> m : mutators.entrySet()) {
      flush(m.getKey(), m.getValue());
    }
    pendingKinds.clear();
    rethrowFailure();
  }

  private void flush(String table, BufferedMutator m) throws IOException {
    long start = System.nanoTime();
    try {
      m.flush();
    } catch (RetriesExhaustedWithDetailsException e) {
      record(e);
    }
    metrics.flushes.inc();
    metrics.flushMillis.update((System.nanoTime() - start) / 1_000_000);
  }

  private BufferedMutator mutator(String table) throws IOException {
    BufferedMutator m = mutators.get(table);
    if (m == null) {
      TableName name = HBaseMutations.tableName(table);
      BufferedMutatorParams params =
          new BufferedMutatorParams(name)
              .writeBufferSize(writeBufferBytes)
              // Failures of the timer's flushes reach the listener below like any other.
              .setWriteBufferPeriodicFlushTimeoutMs(flushInterval.toMillis())
              .setWriteBufferPeriodicFlushTimerTickMs(Math.max(10, flushInterval.toMillis() / 4))
              .listener((e, mutator) -> record(e));
      m = connection.getBufferedMutator(params);
      mutators.put(table, m);
    }
    return m;
  }

  private void record(RetriesExhaustedWithDetailsException e) {
    metrics.errors.inc(e.getNumExceptions());
    LOG.error("HBase rejected {} mutation(s) after retries: {}", e.getNumExceptions(), e.getMessage());
    failure.accumulateAndGet(e, (old, cur) -> old == null ? cur : old);
  }

  private void rethrowFailure() throws IOException {
    RetriesExhaustedWithDetailsException e = failure.get();
    if (e != null) {
      throw new IOException("HBase writes failed; failing so the job replays from its last checkpoint", e);
    }
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> closeables = List.copyOf(mutators.values());
    Exception first = null;
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    connection.close();
    if (first != null) {
      throw first;
    }
  }
}
