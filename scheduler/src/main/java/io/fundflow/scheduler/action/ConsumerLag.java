package io.fundflow.scheduler.action;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's lag: end offsets minus the offsets it committed, summed over the partitions it
 * committed. The Flink Kafka source commits at each completed checkpoint, so zero lag means a
 * checkpoint covered every record written so far.
 */
public final class ConsumerLag implements AutoCloseable {

  private final Admin admin;

  public ConsumerLag(String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000));
  }

  /** The group's total lag; empty when it committed nothing yet (lag unknown). */
  public OptionalLong lag(String groupId) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetAndMetadata> present =
          committed.entrySet().stream()
              .filter(e -> e.getValue() != null)
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      if (present.isEmpty()) {
        return OptionalLong.empty();
      }
      Map<TopicPartition, ListOffsetsResultInfo> ends =
          admin
              .listOffsets(
                  present.keySet().stream()
                      .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
              .all()
              .get(15, TimeUnit.SECONDS);
      long lag = 0;
      for (var e : present.entrySet()) {
        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
      }
      return OptionalLong.of(lag);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the lag of group " + groupId + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the lag of group " + groupId, e);
    }
  }

  /** The smallest {@code retention.ms} of {@code topics} (Long.MAX_VALUE for -1, unlimited). */
  public long minRetentionMs(java.util.Collection<String> topics) {
    try {
      var resources =
          topics.stream()
              .map(t -> new org.apache.kafka.common.config.ConfigResource(
                  org.apache.kafka.common.config.ConfigResource.Type.TOPIC, t))
              .toList();
      var configs = admin.describeConfigs(resources).all().get(15, TimeUnit.SECONDS);
      long min = Long.MAX_VALUE;
      for (var config : configs.values()) {
        var entry = config.get("retention.ms");
        if (entry != null && entry.value() != null) {
          long ms = Long.parseLong(entry.value());
          min = Math.min(min, ms < 0 ? Long.MAX_VALUE : ms);
        }
      }
      return min;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read retention of " + topics + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading retention of " + topics, e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
