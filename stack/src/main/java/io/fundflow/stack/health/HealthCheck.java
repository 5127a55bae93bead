package io.fundflow.stack.health;

import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.config.Service;

/** One round trip to a service that succeeds only when the service can do real work. */
@FunctionalInterface
public interface HealthCheck {

  /** Returns normally when healthy; throws with the reason otherwise. */
  void check() throws Exception;

  /** The check of {@code service} at {@code endpoints}. */
  static HealthCheck of(Service service, StackEndpoints endpoints) {
    return switch (service) {
      case KAFKA -> new KafkaHealth(endpoints.kafkaBootstrap());
      case HBASE -> new HBaseHealth(endpoints.hbase());
      case FLINK -> new FlinkHealth(endpoints.flinkRestUrl());
      case DB -> new DatabaseHealth(endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
    };
  }

  /** True when {@link #check} passes. */
  default boolean healthy() {
    try {
      check();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }
}
