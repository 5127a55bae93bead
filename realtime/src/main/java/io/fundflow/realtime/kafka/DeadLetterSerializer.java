package io.fundflow.realtime.kafka;

import io.fundflow.common.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a dead letter to its layer's topic: the original key and value untouched, the reason and
 * the source coordinates in headers, so the record can be inspected and replayed as it was.
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

  private static final long serialVersionUID = 1L;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(letter.topic(), null, timestamp, letter.key(), letter.value());
    record.headers()
        .add(DeadLetter.HEADER_REASON, utf8(letter.reason()))
        .add(DeadLetter.HEADER_MESSAGE, utf8(letter.message()))
        .add(DeadLetter.HEADER_SOURCE_TOPIC, utf8(letter.sourceTopic()))
        .add(DeadLetter.HEADER_SOURCE_PARTITION, utf8(Integer.toString(letter.partition())))
        .add(DeadLetter.HEADER_SOURCE_OFFSET, utf8(Long.toString(letter.offset())));
    return record;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
