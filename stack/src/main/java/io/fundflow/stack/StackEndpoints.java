package io.fundflow.stack;

import io.fundflow.stack.config.PortPlan;
import io.fundflow.stack.config.StackSettings;
import java.util.Map;

/**
 * Where a running local stack answers: what tests and the demo need to reach each service.
 *
 * @param kafkaBootstrap Kafka {@code bootstrap.servers}
 * @param hbase HBase client configuration (RPC registry, no ZooKeeper needed)
 * @param flinkRestUrl Flink REST base URL, also the web UI
 * @param jdbcUrl the database's JDBC URL (H2 in Oracle mode, or Oracle)
 * @param jdbcUser database user
 * @param jdbcPassword database password
 */
public record StackEndpoints(
    String kafkaBootstrap,
    Map<String, String> hbase,
    String flinkRestUrl,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword) {

  /** The endpoints of the stack these settings describe. */
  public static StackEndpoints of(StackSettings settings) {
    PortPlan ports = settings.ports();
    return new StackEndpoints(
        "127.0.0.1:" + ports.kafkaBroker(),
        Map.of(
            "hbase.client.registry.impl", "org.apache.hadoop.hbase.client.RpcConnectionRegistry",
            "hbase.client.bootstrap.servers", "127.0.0.1:" + ports.hbaseMaster(),
            "hbase.zookeeper.quorum", "127.0.0.1",
            "hbase.zookeeper.property.clientPort", Integer.toString(ports.zooKeeper())),
        "http://127.0.0.1:" + ports.flinkRest(),
        settings.database().jdbcUrl(ports),
        settings.database().user(),
        settings.database().password());
  }

  @Override
  public String toString() {
    // Never print the password.
    return "StackEndpoints[kafka=" + kafkaBootstrap + ", hbase=" + hbase.get("hbase.client.bootstrap.servers")
        + ", flink=" + flinkRestUrl + ", jdbc=" + jdbcUrl + "]";
  }
}
