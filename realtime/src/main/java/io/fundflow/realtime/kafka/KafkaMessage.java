package io.fundflow.realtime.kafka;

import io.fundflow.common.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message for one of the job's output topics ({@code dwd.*}, {@code dws.*}, {@code dlq.*}); one
 * transactional Kafka sink writes them all.
 *
 * @param topic the topic
 * @param key the key bytes, may be null
 * @param value the value bytes; null is a tombstone (the row was deleted)
 * @param headers header name → value, in order; a mutable copy because Flink's Kryo fallback
 *     re-creates the map class when it deserializes; treat it as read-only
 */
public record KafkaMessage(String topic, byte[] key, byte[] value, Map<String, byte[]> headers) {

  public KafkaMessage {
    headers = new LinkedHashMap<>(headers);
  }

  /** A message without headers. */
  public static KafkaMessage of(String topic, String key, byte[] value) {
    return new KafkaMessage(topic, utf8(key), value, Map.of());
  }

  /**
   * A dead letter on its layer's topic: the original key and value untouched, the reason and the
   * source coordinates in headers, so the record can be inspected and replayed as it was.
   */
  public static KafkaMessage of(DeadLetter letter) {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put(DeadLetter.HEADER_REASON, utf8(letter.reason()));
    headers.put(DeadLetter.HEADER_MESSAGE, utf8(letter.message()));
    headers.put(DeadLetter.HEADER_SOURCE_TOPIC, utf8(letter.sourceTopic()));
    headers.put(DeadLetter.HEADER_SOURCE_PARTITION, utf8(Integer.toString(letter.partition())));
    headers.put(DeadLetter.HEADER_SOURCE_OFFSET, utf8(Long.toString(letter.offset())));
    return new KafkaMessage(letter.topic(), letter.key(), letter.value(), headers);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
