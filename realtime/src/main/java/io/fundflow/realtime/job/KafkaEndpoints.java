package io.fundflow.realtime.job;

import io.fundflow.realtime.kafka.KafkaMessage;
import io.fundflow.realtime.kafka.KafkaMessageSerializer;
import io.fundflow.realtime.kafka.OdsRecord;
import io.fundflow.realtime.kafka.OdsRecordDeserializer;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The Kafka source and sink of a realtime job, built from its configuration. */
public final class KafkaEndpoints {

  private KafkaEndpoints() {}

  /**
   * Reads {@code topics} from the offsets in the job's checkpoint or savepoint; on a first start,
   * from the configured starting point (by default the group's committed offsets, else the earliest,
   * so nothing of the day is skipped).
   */
  public static DataStream<OdsRecord> odsSource(
      StreamExecutionEnvironment env, RealtimeConfig config, String job, List<String> topics) {
    KafkaSource<OdsRecord> source =
        KafkaSource.<OdsRecord>builder()
            .setBootstrapServers(config.kafkaBootstrapServers())
            .setTopics(topics)
            .setGroupId(config.kafkaGroupId() + "-" + job)
            .setStartingOffsets(config.startingOffsets().initializer())
            .setDeserializer(new OdsRecordDeserializer())
            .setProperty("isolation.level", "read_committed")
            .setProperty("commit.offsets.on.checkpoint", "true")
            .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka " + String.join(",", topics))
        .uid(job + "-kafka-source");
  }

  /** One exactly-once (transactional) sink for every output topic of the job. */
  public static KafkaSink<KafkaMessage> sink(RealtimeConfig config, String job) {
    return KafkaSink.<KafkaMessage>builder()
        .setBootstrapServers(config.kafkaBootstrapServers())
        .setRecordSerializer(new KafkaMessageSerializer())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("fundflow-" + job)
        .setProperty(
            "transaction.timeout.ms", Long.toString(config.kafkaTransactionTimeout().toMillis()))
        // Fewer, fuller batches: the broker's cost is per batch as much as per message, and
        // read_committed readers see nothing before the checkpoint commits the transaction anyway.
        .setProperty("linger.ms", "20")
        .setProperty("batch.size", Integer.toString(256 * 1024))
        .build();
  }
}
