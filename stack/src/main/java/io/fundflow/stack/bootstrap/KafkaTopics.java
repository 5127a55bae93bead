package io.fundflow.stack.bootstrap;

import io.fundflow.common.names.Topics;
import io.fundflow.stack.config.StackSettings.TopicPartitions;
import io.fundflow.stack.health.KafkaHealth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Creates every platform topic that is missing, with its layer's partition count, and grows a topic
 * that has fewer partitions than configured. Never shrinks or deletes: running it twice is harmless.
 */
public final class KafkaTopics {

  private final String bootstrap;
  private final TopicPartitions partitions;

  public KafkaTopics(String bootstrap, TopicPartitions partitions) {
    this.bootstrap = bootstrap;
    this.partitions = partitions;
  }

  /** Returns one line per change made (empty when everything was in place). */
  public List<String> apply() throws Exception {
    List<String> changes = new ArrayList<>();
    try (Admin admin = Admin.create(KafkaHealth.clientConfig(bootstrap))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : Topics.ALL) {
        if (!existing.contains(topic)) {
          // One broker: replication factor 1.
          missing.add(new NewTopic(topic, partitions.forTopic(topic), (short) 1));
          changes.add("created topic " + topic + " (" + partitions.forTopic(topic) + " partitions)");
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
      List<String> present = Topics.ALL.stream().filter(existing::contains).toList();
      Map<String, TopicDescription> described =
          present.isEmpty()
              ? Map.of()
              : admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
      Map<String, NewPartitions> grow = new HashMap<>();
      described.forEach(
          (topic, description) -> {
            int wanted = partitions.forTopic(topic);
            if (description.partitions().size() < wanted) {
              grow.put(topic, NewPartitions.increaseTo(wanted));
              changes.add(
                  "grew topic " + topic + " from " + description.partitions().size() + " to " + wanted
                      + " partitions");
            }
          });
      if (!grow.isEmpty()) {
        admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
      }
    }
    return changes;
  }
}
