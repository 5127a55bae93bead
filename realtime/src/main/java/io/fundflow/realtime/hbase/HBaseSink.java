package io.fundflow.realtime.hbase;

import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseClientSettings;
import java.io.IOException;
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

  /**
   * @param settings how to reach HBase
   * @param writeBufferBytes bytes buffered per table before a write is sent; with the client's cap
   *     on concurrent requests this bounds memory, and a slow HBase blocks {@code write}, which
   *     back-pressures the job
   */
  public HBaseSink(HBaseClientSettings settings, long writeBufferBytes) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (writeBufferBytes <= 0) {
      throw new IllegalArgumentException("writeBufferBytes must be > 0: " + writeBufferBytes);
    }
    this.writeBufferBytes = writeBufferBytes;
  }

  @Override
  public SinkWriter<RowMutation> createWriter(WriterInitContext context) throws IOException {
    return new HBaseSinkWriter(settings, writeBufferBytes, new HBaseSinkMetrics(context.metricGroup()));
  }
}
