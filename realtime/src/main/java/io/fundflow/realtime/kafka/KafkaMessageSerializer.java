package io.fundflow.realtime.kafka;

import java.util.Map;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Turns a {@link KafkaMessage} into the producer record for its topic. */
public final class KafkaMessageSerializer implements KafkaRecordSerializationSchema<KafkaMessage> {

  private static final long serialVersionUID = 1L;

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      KafkaMessage message, KafkaSinkContext context, Long timestamp) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(message.topic(), null, timestamp, message.key(), message.value());
    for (Map.Entry<String, byte[]> h : message.headers().entrySet()) {
      record.headers().add(h.getKey(), h.getValue());
    }
    return record;
  }
}
