package io.fundflow.common.deadletter;

import java.util.Objects;

/**
 * A record the platform refused, kept with everything needed to find, understand and replay it: the
 * original bytes exactly as received, where they came from, and why they were refused.
 *
 * @param layer the layer that refused it ({@code ods} or {@code dwd}); it goes to {@code dlq.<layer>}
 * @param sourceTopic the topic the record was read from
 * @param partition its partition
 * @param offset its offset in that partition
 * @param key the original Kafka key, may be null
 * @param value the original Kafka value, may be null
 * @param reason a stable reason code, for metrics and triage
 * @param message what was wrong, for a person
 */
public record DeadLetter(
    String layer,
    String sourceTopic,
    int partition,
    long offset,
    byte[] key,
    byte[] value,
    String reason,
    String message) {

  /** Header names carried by a dead letter on its Kafka topic; the value stays the original bytes. */
  public static final String HEADER_REASON = "fundflow.reason";

  public static final String HEADER_MESSAGE = "fundflow.message";
  public static final String HEADER_SOURCE_TOPIC = "fundflow.source.topic";
  public static final String HEADER_SOURCE_PARTITION = "fundflow.source.partition";
  public static final String HEADER_SOURCE_OFFSET = "fundflow.source.offset";

  public DeadLetter {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(sourceTopic, "sourceTopic");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** The dead-letter topic of this record's layer. */
  public String topic() {
    return "dlq." + layer;
  }
}
