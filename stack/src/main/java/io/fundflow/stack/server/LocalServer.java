package io.fundflow.stack.server;

import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.IOException;
import java.util.List;

/** One service of the local stack: how to configure, start and stop its server process(es). */
public interface LocalServer {

  Service service();

  /** The server processes of this service, in start order (their names are fixed). */
  List<String> processNames();

  /**
   * Writes the configuration (and formats storage on first start) and returns the processes to
   * start, in order.
   */
  List<ServerProcess> prepare(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException;

  /** Asks the server to stop cleanly before it is signalled; most need nothing but SIGTERM. */
  default void requestStop(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException {}

  /** The server for {@code service}. */
  static LocalServer of(Service service) {
    return switch (service) {
      case KAFKA -> new KafkaServer();
      case HBASE -> new HBaseServer();
      case FLINK -> new FlinkCluster();
      case DB -> new H2Server();
    };
  }
}
