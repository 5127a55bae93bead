package io.fundflow.realtime.jdbc;

import io.fundflow.common.ads.AdsAdvisoryDailySql;
import io.fundflow.common.ads.AdvisoryDailyMetrics;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The Sink V2 that upserts {@code ADS_ADVISORY_DAILY} rows in batches with the shared MERGE.
 *
 * <p>At least once: a batch is flushed by size, by interval, and at every checkpoint, and may be
 * written again after a failure; the MERGE makes a replay converge. Rows of one (TRADE_DATE,
 * PORTFOLIO_CODE) reach the sink from one keyed subtask in order, and a JDBC batch executes in
 * order, so the newest row of a key is the last written.
 */
public final class AdsAdvisoryDailySink {

  private AdsAdvisoryDailySink() {}

  /** A sink writing to the database {@code settings} names. */
  public static Sink<AdvisoryDailyMetrics> create(JdbcSinkSettings settings) {
    JdbcConnectionOptions.JdbcConnectionOptionsBuilder connection =
        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder().withUrl(settings.url());
    if (settings.user() != null) {
      connection.withUsername(settings.user());
    }
    if (settings.password() != null) {
      connection.withPassword(settings.password());
    }
    return JdbcSink.<AdvisoryDailyMetrics>builder()
        .withExecutionOptions(
            JdbcExecutionOptions.builder()
                .withBatchSize(settings.batchSize())
                .withBatchIntervalMs(settings.batchIntervalMillis())
                .withMaxRetries(settings.maxRetries())
                .build())
        .withQueryStatement(AdsAdvisoryDailySql.MERGE, new AdsAdvisoryDailyStatement())
        .buildAtLeastOnce(connection.build());
  }
}
