package io.fundflow.stack.bootstrap;

import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackSettings;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/**
 * Idempotent bootstrap of a healthy stack: Kafka topics, HBase namespace and tables, database
 * schema. Flink needs nothing. Prints what it changed.
 */
public final class StackBootstrap {

  private final StackSettings settings;
  private final StackEndpoints endpoints;
  private final PrintWriter out;

  public StackBootstrap(StackSettings settings, StackEndpoints endpoints, PrintWriter out) {
    this.settings = settings;
    this.endpoints = endpoints;
    this.out = out;
  }

  /** Bootstraps each of {@code services} that needs it. */
  public void apply(Collection<Service> services) throws Exception {
    if (services.contains(Service.KAFKA)) {
      report("kafka", new KafkaTopics(endpoints.kafkaBootstrap(), settings.topicPartitions()).apply());
    }
    if (services.contains(Service.HBASE)) {
      report("hbase", new HBaseTables(endpoints.hbase(), settings.hbaseCompression()).apply());
    }
    if (services.contains(Service.DB)) {
      report(
          "db",
          new DatabaseMigrations(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword())
              .apply());
    }
  }

  private void report(String service, List<String> changes) {
    if (changes.isEmpty()) {
      out.printf("%-6s bootstrap: everything already in place%n", service);
    }
    changes.forEach(change -> out.printf("%-6s bootstrap: %s%n", service, change));
  }
}
