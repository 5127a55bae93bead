package io.fundflow.hbase;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * How to reach HBase: the client properties (e.g. {@code hbase.zookeeper.quorum}, or {@code
 * hbase.client.registry.impl} with {@code hbase.client.bootstrap.servers}). Serializable so a Flink
 * sink or a Spark closure can carry it to the workers.
 */
public record HBaseClientSettings(Map<String, String> properties) implements Serializable {

  public HBaseClientSettings {
    properties = Map.copyOf(new TreeMap<>(Objects.requireNonNull(properties, "properties")));
  }

  /** Settings that reach a master's RPC port directly, without ZooKeeper. */
  public static HBaseClientSettings bootstrapServers(String hostPorts) {
    return new HBaseClientSettings(
        Map.of(
            "hbase.client.registry.impl",
            "org.apache.hadoop.hbase.client.RpcConnectionRegistry",
            "hbase.client.bootstrap.servers",
            hostPorts));
  }

  /** An HBase client configuration with these properties over the defaults. */
  public Configuration toConfiguration() {
    Configuration conf = HBaseConfiguration.create();
    properties.forEach(conf::set);
    return conf;
  }
}
