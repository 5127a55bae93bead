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
 * it never completes and the job replays from the previous one.
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
   * The kind of the last mutation buffered per row since the last flush. A put and a delete of the
   * same row in one batch could be applied in either order by the region server, so a change of
   * kind flushes first. (Explicit cell versions make the result right either way; this keeps the
   * order visible to readers too.)
   */
  private final Map<ByteBuffer, RowMutation.Kind> pendingKinds = new HashMap<>();

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
    RowMutation.Kind previous = pendingKinds.put(rowId, mutation.kind());
    if (previous != null && previous != mutation.kind()) {
      flushAll();
      pendingKinds.put(rowId, mutation.kind());
    }
    mutator(mutation.table()).mutate(HBaseMutations.toHBase(mutation));
    metrics.mutations.inc();
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    flushAll();
  }

  private void flushAll() throws IOException {
    long start = System.nanoTime();
    for (BufferedMutator m : mutators.values()) {
      try {
        m.flush();
      } catch (RetriesExhaustedWithDetailsException e) {
        record(e);
      }
    }
    pendingKinds.clear();
    metrics.flushes.inc();
    metrics.flushMillis.update((System.nanoTime() - start) / 1_000_000);
    rethrowFailure();
  }

  private BufferedMutator mutator(String table) throws IOException {
    BufferedMutator m = mutators.get(table);
    if (m == null) {
      TableName name = HBaseMutations.tableName(table);
      BufferedMutatorParams params =
          new BufferedMutatorParams(name)
              .writeBufferSize(writeBufferBytes)
              // The client's own timer sends a buffer older than the interval, so rows become
              // visible within it even when the stream is too quiet to fill the buffer. Its
              // failures reach the listener below like any other.
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
