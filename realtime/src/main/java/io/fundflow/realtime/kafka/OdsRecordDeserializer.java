package io.fundflow.realtime.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Keeps every Kafka record as raw bytes with its coordinates. Decoding happens in an operator, where
 * a failure becomes a dead letter instead of a job failure; a Debezium tombstone (null value) is
 * passed on too and skipped by the decoder.
 */
public final class OdsRecordDeserializer implements KafkaRecordDeserializationSchema<OdsRecord> {

  private static final long serialVersionUID = 1L;

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<OdsRecord> out) {
    out.collect(
        new OdsRecord(
            record.topic(),
            record.partition(),
            record.offset(),
            record.timestamp(),
            record.key(),
            record.value()));
  }

  @Override
  public TypeInformation<OdsRecord> getProducedType() {
    return TypeInformation.of(OdsRecord.class);
  }
}
