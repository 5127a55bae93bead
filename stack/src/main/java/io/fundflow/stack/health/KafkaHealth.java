package io.fundflow.stack.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka is healthy when its metadata names at least one broker. */
public final class KafkaHealth implements HealthCheck {

  private final String bootstrap;

  public KafkaHealth(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  @Override
  public void check() throws Exception {
    try (Admin admin = Admin.create(clientConfig(bootstrap))) {
      if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
        throw new IllegalStateException("no broker in the cluster metadata");
      }
    }
  }

  /** Admin client settings that fail fast instead of retrying for minutes. */
  public static Map<String, Object> clientConfig(String bootstrap) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
  }
}
