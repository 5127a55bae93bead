package io.fundflow.realtime.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that keeps what it receives in memory, for MiniCluster tests (same JVM). Each instance
 * has its own id, so concurrent tests do not see each other's records.
 */
final class CollectingSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, ConcurrentLinkedQueue<Object>> RECEIVED =
      new ConcurrentHashMap<>();

  private final String id = java.util.UUID.randomUUID().toString();

  CollectingSink() {
    RECEIVED.put(id, new ConcurrentLinkedQueue<>());
  }

  /** What the sink received so far, in arrival order per writer. */
  @SuppressWarnings("unchecked")
  List<T> received() {
    List<T> out = new ArrayList<>();
    RECEIVED.get(id).forEach(o -> out.add((T) o));
    return out;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    ConcurrentLinkedQueue<Object> queue = RECEIVED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
