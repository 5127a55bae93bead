package io.fundflow.realtime.job;

import io.fundflow.common.names.Topics;
import io.fundflow.realtime.advisory.AdvisoryPipeline;
import io.fundflow.realtime.jdbc.AdsAdvisoryDailySink;
import io.fundflow.realtime.jdbc.JdbcSinkSettings;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The advisory job on real endpoints: the contract and order ODS topics in, {@code
 * ADS_ADVISORY_DAILY} (SOURCE=STREAM) and {@code dwd.advisory_event} out. Run it through {@code
 * RealtimeMain advisory}.
 */
public final class AdvisoryJob {

  /** The job's name, as the Flink cluster and the scheduler know it. */
  public static final String NAME = "fundflow-advisory";

  private static final int ADS_MAX_RETRIES = 3;

  private AdvisoryJob() {}

  /** Builds the job into {@code env} from {@code config}. */
  public static void build(StreamExecutionEnvironment env, RealtimeConfig config) {
    JdbcSinkSettings db =
        new JdbcSinkSettings(
            config.requireDbUrl(),
            config.dbUser(),
            config.dbPassword(),
            config.adsBatchSize(),
            config.adsBatchInterval().toMillis(),
            ADS_MAX_RETRIES);
    new AdvisoryPipeline()
        .build(
            KafkaEndpoints.odsSource(
                env,
                config,
                "advisory",
                List.of(Topics.ODS_ADVISORY_CONTRACT, Topics.ODS_ADVISORY_ORDER)),
            AdsAdvisoryDailySink.create(db),
            KafkaEndpoints.sink(config, "advisory"));
  }

  /** Builds and runs the job; returns when it ends. */
  public static void run(RealtimeConfig config) throws Exception {
    StreamExecutionEnvironment env = JobEnvironment.create(config);
    build(env, config);
    env.execute(NAME);
  }
}
