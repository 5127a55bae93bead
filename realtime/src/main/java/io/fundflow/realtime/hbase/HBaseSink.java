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
 * A Flink Sink V2 that writes {@link RowMutation}s to HBase through a {@code BufferedMutator} per
 * table. At-least-once: every checkpoint flushes and checks for failed writes, so nothing
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

  /**
   * @param settings how to reach HBase
   * @param writeBufferBytes bytes buffered per table before a write is sent; with the client's cap
   *     on concurrent requests this bounds memory, and a slow HBase blocks {@code write}, which
   *     back-pressures the job
   * @param flushInterval the longest a buffered write waits before it is sent when the buffer does
   *     not fill; without it, a quiet stream's writes would wait for the next checkpoint
   */
  public HBaseSink(HBaseClientSettings settings, long writeBufferBytes, Duration flushInterval) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (writeBufferBytes <= 0) {
      throw new IllegalArgumentException("writeBufferBytes must be > 0: " + writeBufferBytes);
    }
    this.writeBufferBytes = writeBufferBytes;
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be > 0: " + flushInterval);
    }
    this.flushInterval = flushInterval;
  }

  @Override
  public SinkWriter<RowMutation> createWriter(WriterInitContext context) throws IOException {
    return new HBaseSinkWriter(
        settings,
        writeBufferBytes,
        flushInterval,
        new HBaseSinkMetrics(context.metricGroup()));
  }
}
