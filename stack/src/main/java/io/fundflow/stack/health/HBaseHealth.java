package io.fundflow.stack.health;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/** HBase is healthy when its master lists tables and {@code hbase:meta} is readable. */
public final class HBaseHealth implements HealthCheck {

  private final Map<String, String> clientConfig;

  public HBaseHealth(Map<String, String> clientConfig) {
    this.clientConfig = clientConfig;
  }

  @Override
  public void check() throws Exception {
    try (Connection connection = ConnectionFactory.createConnection(configuration(clientConfig, true));
        Admin admin = connection.getAdmin()) {
      admin.listTableNames();
      // Listing tables only needs the master; creating one needs meta online on the region server.
      if (!admin.isTableAvailable(org.apache.hadoop.hbase.TableName.META_TABLE_NAME)) {
        throw new IllegalStateException("hbase:meta is not available yet");
      }
    }
  }

  /** A client configuration; {@code failFast} trades retries for a quick answer. */
  public static Configuration configuration(Map<String, String> clientConfig, boolean failFast) {
    Configuration conf = HBaseConfiguration.create();
    clientConfig.forEach(conf::set);
    if (failFast) {
      conf.setInt("hbase.client.retries.number", 1);
      conf.setInt("hbase.rpc.timeout", 3000);
      conf.setInt("hbase.client.operation.timeout", 5000);
      conf.setInt("hbase.client.meta.operation.timeout", 5000);
    }
    return conf;
  }
}
