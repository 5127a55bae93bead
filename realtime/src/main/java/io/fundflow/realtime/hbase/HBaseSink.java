package io.fundflow.realtime.hbase;

import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseClientSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink Sink V2 that writes {@link RowMutation}s to HBase: per table, writes are coalesced per row
 * into batches that a sender thread writes while the task goes on (see {@link HBaseSinkWriter}).
 * At-least-once: every checkpoint waits for every batch and checks for failed writes, so nothing
 * acknowledged by a checkpoint is lost; replays converge because every cell carries its source
 * version.
 *
 * <p>There is no HBase connector release for Flink 2.x, hence this small sink.
 */
public final class HBaseSink implements Sink<RowMutation> {

  private static final long serialVersionUID = 1L;

  private final HBaseClientSettings settings;
  private final long writeBufferBytes;
  private final Duration flushInterval;
  private final long maxInFlightBytes;

  /** Attempts of a failed write in the sink, each after the HBase client's own retries. */
  static final int ATTEMPTS = 3;

  /** Pause before the sink's first retry of a failed write, doubled for each next one. */
  static final long RETRY_PAUSE_MILLIS = 1_000;

  /**
   * @param settings how to reach HBase
   * @param writeBufferBytes bytes collected per table before they are handed to its sender
   * @param flushInterval the longest a write waits before it is handed over when its batch does
   *     not fill; without it, a quiet stream's writes would wait for the next checkpoint
   * @param maxInFlightBytes the most bytes handed over and not yet written; beyond it {@code write}
   *     blocks, so a slow HBase back-pressures the job instead of filling the heap
   */
  public HBaseSink(
      HBaseClientSettings settings, long writeBufferBytes, Duration flushInterval, long maxInFlightBytes) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (writeBufferBytes <= 0) {
      throw new IllegalArgumentException("writeBufferBytes must be > 0: " + writeBufferBytes);
    }
    this.writeBufferBytes = writeBufferBytes;
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be > 0: " + flushInterval);
    }
    this.flushInterval = flushInterval;
    if (maxInFlightBytes <= 0) {
      throw new IllegalArgumentException("maxInFlightBytes must be > 0: " + maxInFlightBytes);
    }
    this.maxInFlightBytes = maxInFlightBytes;
  }

  @Override
  public SinkWriter<RowMutation> createWriter(WriterInitContext context) throws IOException {
    return new HBaseSinkWriter(
        HBaseSinkWriter.connect(settings),
        new HBaseSinkWriter.Limits(
            writeBufferBytes, flushInterval, maxInFlightBytes, ATTEMPTS, RETRY_PAUSE_MILLIS),
        context.getProcessingTimeService(),
        new HBaseSinkMetrics(context.metricGroup()));
  }
}
