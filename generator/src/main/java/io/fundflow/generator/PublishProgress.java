package io.fundflow.generator;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far a {@link ChangeLogPublisher} has come, readable from any thread while it runs: messages
 * acknowledged by Kafka per topic, the planned total, and the simulated send time of the last
 * message handed to the producer.
 */
public final class PublishProgress {

  private final Map<String, AtomicLong> sentPerTopic = new ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong planned = new AtomicLong();
  private final AtomicReference<Instant> lastSendAt = new AtomicReference<>();

  void plan(long messages) {
    planned.addAndGet(messages);
  }

  void handedOver(Instant sendAt) {
    lastSendAt.set(sendAt);
  }

  void acknowledged(String topic) {
    sentPerTopic.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
    sent.incrementAndGet();
  }

  /** Messages Kafka has acknowledged. */
  public long sent() {
    return sent.get();
  }

  /** Messages Kafka has acknowledged on {@code topic}. */
  public long sent(String topic) {
    AtomicLong n = sentPerTopic.get(topic);
    return n == null ? 0 : n.get();
  }

  /** Acknowledged messages per topic, sorted by topic. */
  public Map<String, Long> sentPerTopic() {
    Map<String, Long> copy = new TreeMap<>();
    sentPerTopic.forEach((t, n) -> copy.put(t, n.get()));
    return copy;
  }

  /** Messages the publisher was given. */
  public long planned() {
    return planned.get();
  }

  /** The scheduled send time of the last message handed to the producer; null before the first. */
  public Instant lastSendAt() {
    return lastSendAt.get();
  }

  /** True when every planned message is acknowledged. */
  public boolean done() {
    return sent.get() >= planned.get();
  }

  @Override
  public String toString() {
    return "sent " + sent() + "/" + planned() + " " + sentPerTopic();
  }
}
