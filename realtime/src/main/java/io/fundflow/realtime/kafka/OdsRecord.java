package io.fundflow.realtime.kafka;

/**
 * A Kafka record as it arrived on an ODS topic, before decoding: the bytes and where they came from,
 * so a rejected record can go to the dead-letter topic exactly as received.
 *
 * <p>A Flink POJO (public fields, no-arg constructor) so it serializes without Kryo.
 */
public class OdsRecord {
  public String topic;
  public int partition;
  public long offset;
  public long timestamp;
  public byte[] key;
  public byte[] value;

  public OdsRecord() {}

  public OdsRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    this.timestamp = timestamp;
    this.key = key;
    this.value = value;
  }
}
