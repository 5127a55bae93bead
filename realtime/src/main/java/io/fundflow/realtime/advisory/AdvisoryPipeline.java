package io.fundflow.realtime.advisory;

import io.fundflow.common.ads.AdvisoryDailyMetrics;
import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.realtime.decode.ChangeLogTypes;
import io.fundflow.realtime.decode.DecodeChangeLog;
import io.fundflow.realtime.kafka.KafkaMessage;
import io.fundflow.realtime.kafka.OdsRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The advisory job's dataflow, built from a given source stream and sinks so that tests run the
 * very same pipeline as production:
 *
 * <pre>
 * ods.advisory_contract, ods.advisory_order
 *   → decode (dead letters → dlq.ods / dlq.dwd)
 *   → per contract / order: duplicates and late versions dropped, routed to its portfolio
 *     (a portfolio move retracts the row from the old one)          → dwd.advisory_event
 *   → per portfolio: its contracts and orders, ADS rows of the dates the change touched
 *   → ADS_ADVISORY_DAILY (batched MERGE, SOURCE = STREAM)
 * </pre>
 *
 * Every stateful operator has a fixed uid so savepoints restore across code changes.
 */
public final class AdvisoryPipeline {

  /** Operator uids: part of the savepoint format, never change them. */
  public static final String UID_DECODE = "advisory-ods-decode";

  public static final String UID_ROW_VERSION = "advisory-row-version";
  public static final String UID_PORTFOLIO_BOOK = "advisory-portfolio-book";
  public static final String UID_ADS_SINK = "advisory-ads-sink";
  public static final String UID_KAFKA_SINK = "advisory-kafka-sink";

  private static final TypeInformation<AdvisoryChange> CHANGE = AdvisoryTypes.CHANGE;
  private static final TypeInformation<PortfolioChange> ROUTED = AdvisoryTypes.ROUTED;
  private static final TypeInformation<AdvisoryDailyMetrics> ROW =
      TypeInformation.of(AdvisoryDailyMetrics.class);
  private static final TypeInformation<KafkaMessage> MESSAGE =
      TypeInformation.of(KafkaMessage.class);

  /** Adds the pipeline reading {@code ods} and writing to {@code ads} and {@code kafka}. */
  public void build(
      DataStream<OdsRecord> ods, Sink<AdvisoryDailyMetrics> ads, Sink<KafkaMessage> kafka) {
    SingleOutputStreamOperator<DeadLetter> decoded =
        ods.process(new DecodeChangeLog(), ChangeLogTypes.DEAD_LETTER)
            .uid(UID_DECODE)
            .name("decode advisory ODS");
    DataStream<AdvisoryChange> changes =
        decoded
            .getSideOutput(ChangeLogTypes.CONTRACT_TAG)
            .map(AdvisoryChange::ofContract, CHANGE)
            .name("contract changes")
            .union(
                decoded
                    .getSideOutput(ChangeLogTypes.ORDER_TAG)
                    .map(AdvisoryChange::ofOrder, CHANGE)
                    .name("order changes"));

    DataStream<PortfolioChange> routed =
        changes
            .keyBy(AdvisoryChange::rowKey, Types.STRING)
            .process(new AdvisoryRowVersionFunction(), ROUTED)
            .uid(UID_ROW_VERSION)
            .name("current version per contract / order");

    routed
        .keyBy(PortfolioChange::portfolioCode, Types.STRING)
        .process(new PortfolioBookFunction(), ROW)
        .uid(UID_PORTFOLIO_BOOK)
        .name("ADS rows per portfolio")
        .sinkTo(ads)
        .uid(UID_ADS_SINK)
        .name("ADS_ADVISORY_DAILY");

    decoded
        .map(KafkaMessage::of, MESSAGE)
        .name("dead letters")
        .union(
            routed
                .filter(r -> !r.retraction())
                .name("effective changes")
                .map(r -> AdvisoryEventMessages.of(r.change()), MESSAGE)
                .name("dwd.advisory_event"))
        .sinkTo(kafka)
        .uid(UID_KAFKA_SINK)
        .name("Kafka dwd.advisory_event / dlq");
  }
}
