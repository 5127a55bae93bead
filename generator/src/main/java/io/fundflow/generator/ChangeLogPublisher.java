package io.fundflow.generator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a generated change log to the ODS topics in its order, keyed as the source connector keys
 * them, paced by a {@link Pacing}. The producer is idempotent with {@code acks=all}: a retry never
 * adds a duplicate the generator did not plan. Progress is readable while it runs.
 *
 * <pre>{@code
 * try (ChangeLogPublisher p = ChangeLogPublisher.connect("127.0.0.1:19092", Pacing.onClock(clock))) {
 *   p.publish(day.changeLog());   // blocks until all are acknowledged; p.progress() meanwhile
 * }
 * }</pre>
 */
public final class ChangeLogPublisher implements AutoCloseable {

  /** Sleeps for a duration; the real one is {@link Thread#sleep}. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Producer<byte[], byte[]> producer;
  private final Pacing pacing;
  private final Sleeper sleeper;
  private final PublishProgress progress = new PublishProgress();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  ChangeLogPublisher(Producer<byte[], byte[]> producer, Pacing pacing, Sleeper sleeper) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.sleeper = sleeper;
  }

  /** A publisher over a given producer (closed with this publisher). */
  public ChangeLogPublisher(Producer<byte[], byte[]> producer, Pacing pacing) {
    this(producer, pacing, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  /** A publisher with its own idempotent producer to {@code bootstrapServers}. */
  public static ChangeLogPublisher connect(String bootstrapServers, Pacing pacing) {
    return new ChangeLogPublisher(
        new KafkaProducer<>(producerProperties(bootstrapServers)), pacing);
  }

  /** The producer configuration: idempotent, {@code acks=all}, byte-array key and value. */
  public static Properties producerProperties(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "fundflow-generator");
    return p;
  }

  /** Progress of this publisher's sends. */
  public PublishProgress progress() {
    return progress;
  }

  /**
   * Sends every message in order, each when the pacing says, then waits until all are acknowledged.
   *
   * @throws InterruptedException when interrupted while waiting (messages handed over so far are
   *     still flushed by {@link #close})
   * @throws PublishFailedException when Kafka refused a message
   */
  public void publish(List<TimedChange> changes) throws InterruptedException {
    progress.plan(changes.size());
    for (TimedChange change : changes) {
      for (Duration wait = pacing.untilDue(change.sendAt());
          !wait.isZero();
          wait = pacing.untilDue(change.sendAt())) {
        sleeper.sleep(wait);
      }
      throwIfFailed();
      String topic = change.topic();
      producer.send(
          new ProducerRecord<>(topic, change.key(), change.value()),
          (metadata, e) -> {
            if (e == null) {
              progress.acknowledged(topic);
            } else {
              failure.compareAndSet(null, e);
            }
          });
      progress.handedOver(change.sendAt());
    }
    producer.flush();
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new PublishFailedException("Kafka refused a change-log message: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  /** Kafka did not accept a message; the publish stops at the next message. */
  public static final class PublishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
