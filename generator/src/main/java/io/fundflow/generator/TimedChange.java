package io.fundflow.generator;

import java.time.Instant;
import java.util.Objects;

/**
 * One change-log message and when, on the simulated market day, it is sent. The byte arrays are
 * shared, not copied: treat them as read-only ({@code equals} compares them by identity; compare
 * contents with {@link java.util.Arrays#equals(byte[], byte[])}).
 *
 * @param sendAt when the message is sent (the trading day in Asia/Shanghai)
 * @param topic the ODS topic ({@link io.fundflow.common.names.Topics})
 * @param key the Kafka key: the row's primary key as the envelope's producer writes it
 * @param value the Kafka value; null for a Debezium tombstone; may be malformed on purpose
 * @param envelope the envelope that carries it
 * @param kind what the message is
 */
public record TimedChange(
    Instant sendAt, String topic, byte[] key, byte[] value, Envelope envelope, ChangeKind kind) {

  public TimedChange {
    Objects.requireNonNull(sendAt, "sendAt");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(kind, "kind");
  }
}
