package io.fundflow.realtime.job;

import io.fundflow.common.names.Topics;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.realtime.fundflow.FundFlowPipeline;
import io.fundflow.realtime.hbase.HBaseSink;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The fund-flow job on real endpoints: the ODS topics of the journal and its dimensions in, HBase and
 * the DWD / DWS / DLQ topics out. Run it through {@code RealtimeMain fund-flow}.
 */
public final class FundFlowJob {

  /** The job's name, as the Flink cluster and the scheduler know it. */
  public static final String NAME = "fundflow-fund-flow";

  private FundFlowJob() {}

  /** Builds the job into {@code env} from {@code config}. */
  public static void build(StreamExecutionEnvironment env, RealtimeConfig config) {
    new FundFlowPipeline(config.stateTtl(), config.summaryEmitInterval())
        .build(
            KafkaEndpoints.odsSource(
                env,
                config,
                "fund-flow",
                List.of(Topics.ODS_FUND_JOURNAL, Topics.ODS_CUSTOMER, Topics.ODS_CHANNEL)),
            new HBaseSink(
                HBaseClientSettings.bootstrapServers(config.hbaseBootstrapServers()),
                config.hbaseWriteBufferBytes(),
                config.hbaseFlushInterval(),
                config.hbaseMaxInFlightBytes()),
            KafkaEndpoints.sink(config, "fund-flow"));
  }

  /** Builds and runs the job; returns when it ends (a streaming job runs until stopped). */
  public static void run(RealtimeConfig config) throws Exception {
    StreamExecutionEnvironment env = JobEnvironment.create(config);
    build(env, config);
    env.execute(NAME);
  }
}
