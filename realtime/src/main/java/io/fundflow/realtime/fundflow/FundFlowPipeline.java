package io.fundflow.realtime.fundflow;

import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.decode.ChangeLogTypes;
import io.fundflow.realtime.decode.DecodeChangeLog;
import io.fundflow.realtime.decode.RowChange;
import io.fundflow.realtime.kafka.KafkaMessage;
import io.fundflow.realtime.kafka.OdsRecord;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The fund-flow job's dataflow, ODS → DWD → DWS, built from a given source stream and sinks so that
 * tests run the very same pipeline as production:
 *
 * <pre>
 * ods.fund_journal, ods.customer, ods.channel
 *   → decode + validate (dead letters → dlq.ods / dlq.dwd)
 *   → current version per journal row (duplicates, replays and late versions dropped)
 *   → CHANNEL join (broadcast) → CUSTOMER join (keyed by CLIENT_ID) → DWD flows
 *   → HBase details + manifest, dwd.fund_flow
 *   → customer-day accumulators → HBase summaries, dws.customer_day (each changed day at most
 *     once per emit interval)
 * </pre>
 *
 * Every stateful operator has a fixed uid so savepoints restore across code changes.
 */
public final class FundFlowPipeline {

  /** Operator uids: part of the savepoint format, never change them. */
  public static final String UID_DECODE = "ods-decode";

  public static final String UID_VERSION = "journal-version";
  public static final String UID_CHANNEL_JOIN = "channel-join";
  public static final String UID_CUSTOMER_JOIN = "customer-join";
  public static final String UID_CUSTOMER_DAY = "customer-day";
  public static final String UID_HBASE_SINK = "hbase-sink";
  public static final String UID_KAFKA_SINK = "kafka-sink";

  private final Duration stateTtl;
  private final Duration summaryEmitInterval;

  /**
   * @param stateTtl how long per-row and per-customer-day state lives after its last change
   * @param summaryEmitInterval longest a changed customer-day summary waits to be emitted (changes
   *     within it are written once); zero writes the summary after every change
   */
  public FundFlowPipeline(Duration stateTtl, Duration summaryEmitInterval) {
    this.stateTtl = stateTtl;
    this.summaryEmitInterval = summaryEmitInterval;
  }

  /** Adds the pipeline reading {@code ods} and writing to {@code hbase} and {@code kafka}. */
  public void build(DataStream<OdsRecord> ods, Sink<RowMutation> hbase, Sink<KafkaMessage> kafka) {
    // Chained operators may hand records on without copying them: every record type here is
    // immutable, and no function mutates its input or keeps it beyond state the runtime owns.
    ods.getExecutionEnvironment().getConfig().enableObjectReuse();
    SingleOutputStreamOperator<DeadLetter> decoded =
        ods.process(new DecodeChangeLog(), ChangeLogTypes.DEAD_LETTER)
            .uid(UID_DECODE)
            .name("decode and validate ODS");
    DataStream<RowChange<FundJournalEntry>> journal = decoded.getSideOutput(ChangeLogTypes.JOURNAL_TAG);
    DataStream<RowChange<Customer>> customers = decoded.getSideOutput(ChangeLogTypes.CUSTOMER_TAG);
    BroadcastStream<RowChange<Channel>> channels =
        decoded.getSideOutput(ChangeLogTypes.CHANNEL_TAG).broadcast(ChannelJoinFunction.CHANNELS);

    DataStream<JournalChange> versioned =
        journal
            .keyBy(c -> c.row().primaryKey(), FundFlowTypes.STATE_KEY)
            .process(new CurrentVersionFunction(stateTtl), FundFlowTypes.JOURNAL_CHANGE)
            .uid(UID_VERSION)
            .name("current version per journal row");

    DataStream<FlowChange> flows =
        versioned
            .connect(channels)
            .process(new ChannelJoinFunction(), FundFlowTypes.JOURNAL_CHANGE)
            .uid(UID_CHANNEL_JOIN)
            .name("join CHANNEL")
            .keyBy(JournalChange::clientId, FundFlowTypes.STATE_KEY)
            .connect(customers.keyBy(c -> c.row().clientId(), FundFlowTypes.STATE_KEY))
            .process(new CustomerJoinFunction(), FundFlowTypes.FLOW_CHANGE)
            .uid(UID_CUSTOMER_JOIN)
            .name("join CUSTOMER, build DWD flows");

    DataStream<CustomerDayUpdate> days =
        flows
            .flatMap(
                (FlowChange change, org.apache.flink.util.Collector<DayDelta> out) ->
                    DayDelta.of(change).forEach(out::collect),
                FundFlowTypes.DAY_DELTA)
            .name("retract and add")
            // A String key: CustomerDayKey holds an enum, whose hashCode differs between JVMs.
            .keyBy(
                d -> d.key().clientId() + "/" + d.key().initDate() + "/" + d.key().moneyType(),
                FundFlowTypes.STATE_KEY)
            .transform(
                "customer-day summaries",
                FundFlowTypes.CUSTOMER_DAY_UPDATE,
                new CustomerDayOperator(stateTtl, summaryEmitInterval))
            .uid(UID_CUSTOMER_DAY);

    SingleOutputStreamOperator<RowMutation> detailWrites =
        flows.process(new DetailWrites(), FundFlowTypes.ROW_MUTATION).name("detail writes, dwd.fund_flow");
    SingleOutputStreamOperator<RowMutation> summaryWrites =
        days.process(new SummaryWrites(), FundFlowTypes.ROW_MUTATION).name("summary writes, dws.customer_day");
    detailWrites.union(summaryWrites).sinkTo(hbase).uid(UID_HBASE_SINK).name("HBase");

    decoded
        .map(KafkaMessage::of, FundFlowTypes.KAFKA_MESSAGE)
        .name("dead letters")
        .union(
            detailWrites.getSideOutput(DetailWrites.DWD_MESSAGES),
            summaryWrites.getSideOutput(SummaryWrites.DWS_MESSAGES))
        .sinkTo(kafka)
        .uid(UID_KAFKA_SINK)
        .name("Kafka dwd / dws / dlq");
  }
}
