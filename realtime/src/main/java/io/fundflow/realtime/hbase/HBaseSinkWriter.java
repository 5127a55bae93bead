package io.fundflow.realtime.hbase;

import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * Collects the writes of each table in a {@link RowBatch} (coalesced per row) and hands a full
 * batch, or every batch when the flush interval has passed, to that table's {@link TableSender},
 * which writes it on its own thread: the task thread never waits for HBase unless more than the
 * in-flight budget is outstanding, and then it blocks, which back-pressures the job.
 *
 * <p>At every checkpoint ({@link #flush}) every batch is handed over and the writer waits until
 * all are written, rethrowing any failure, so a checkpoint never completes over a lost write; the
 * job then restarts from the previous one and replays, which converges because cells are
 * versioned by source position. A failure also fails the next {@code write}, without waiting for
 * the checkpoint.
 */
final class HBaseSinkWriter implements SinkWriter<RowMutation> {

  /** Opens the batch writer of one table. */
  interface Writers extends AutoCloseable {
    BatchWriter open(String table) throws IOException;

    @Override
    void close() throws IOException;
  }

  /** How the writer batches and sends. */
  record Limits(
      long batchBytes, Duration flushInterval, long maxInFlightBytes, int attempts, long retryPauseMillis) {}

  private final Writers writers;
  private final Limits limits;
  private final ProcessingTimeService timers;
  private final HBaseSinkMetrics metrics;
  private final InFlight inFlight;
  private final Map<String, RowBatch> batches = new HashMap<>();
  private final Map<String, TableSender> senders = new HashMap<>();
  private boolean timerArmed;

  HBaseSinkWriter(Writers writers, Limits limits, ProcessingTimeService timers, HBaseSinkMetrics metrics) {
    this.writers = writers;
    this.limits = limits;
    this.timers = timers;
    this.metrics = metrics;
    this.inFlight = new InFlight(limits.maxInFlightBytes());
    metrics.inFlightBytes(inFlight::bytes);
  }

  /**
   * Batch writers over one HBase connection, sharing {@value #REGION_WRITE_THREADS} threads for
   * their per-region calls: a batch usually spans every salt region of its table.
   */
  static Writers connect(HBaseClientSettings settings) throws IOException {
    Connection connection = ConnectionFactory.createConnection(settings.toConfiguration());
    ExecutorService regionWrites =
        Executors.newFixedThreadPool(
            REGION_WRITE_THREADS,
            r -> {
              Thread t = new Thread(r, "hbase-sink-region-write");
              t.setDaemon(true);
              return t;
            });
    return new Writers() {
      @Override
      public BatchWriter open(String table) throws IOException {
        return new TableBatchWriter(connection, HBaseMutations.tableName(table), regionWrites);
      }

      @Override
      public void close() throws IOException {
        regionWrites.shutdownNow();
        connection.close();
      }
    };
  }

  static final int REGION_WRITE_THREADS = HBaseLayout.SALT_BUCKETS;

  @Override
  public void write(RowMutation mutation, Context context) throws IOException, InterruptedException {
    inFlight.rethrow();
    RowBatch batch = batches.computeIfAbsent(mutation.table(), t -> new RowBatch());
    batch.add(mutation);
    metrics.mutations.inc();
    if (batch.bytes() >= limits.batchBytes()) {
      handOver(mutation.table(), batch);
    } else if (!timerArmed) {
      // Sends what waits once the interval has passed, even when no further write fills the batch.
      timerArmed = true;
      timers.registerTimer(
          timers.getCurrentProcessingTime() + limits.flushInterval().toMillis(),
          time -> {
            timerArmed = false;
            handOverAll();
          });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    handOverAll();
    inFlight.awaitDone();
  }

  private void handOverAll() throws IOException, InterruptedException {
    for (Map.Entry<String, RowBatch> b : List.copyOf(batches.entrySet())) {
      handOver(b.getKey(), b.getValue());
    }
  }

  private void handOver(String table, RowBatch batch) throws IOException, InterruptedException {
    batches.remove(table);
    if (batch.isEmpty()) {
      return;
    }
    metrics.coalesced.inc(batch.coalesced());
    sender(table).send(batch.mutations(), batch.bytes());
  }

  private TableSender sender(String table) throws IOException {
    TableSender s = senders.get(table);
    if (s == null) {
      s =
          new TableSender(
              table,
              writers.open(table),
              inFlight,
              metrics,
              limits.attempts(),
              limits.retryPauseMillis(),
              limits.batchBytes());
      senders.put(table, s);
    }
    return s;
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (AutoCloseable c : new ArrayList<AutoCloseable>(senders.values())) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    writers.close();
    if (first != null) {
      throw first;
    }
  }
}
