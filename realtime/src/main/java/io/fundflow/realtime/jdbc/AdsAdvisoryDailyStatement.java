package io.fundflow.realtime.jdbc;

import io.fundflow.common.ads.AdsAdvisoryDailySql;
import io.fundflow.common.ads.AdvisoryDailyMetrics;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Binds one metrics row to the shared {@link AdsAdvisoryDailySql#MERGE}, as written by the stream
 * (SOURCE = STREAM, UPDATED_AT = when the batch is written).
 */
public final class AdsAdvisoryDailyStatement implements JdbcStatementBuilder<AdvisoryDailyMetrics> {

  private static final long serialVersionUID = 1L;

  @Override
  public void accept(PreparedStatement ps, AdvisoryDailyMetrics row) throws SQLException {
    AdsAdvisoryDailySql.bind(ps, row, AdsAdvisoryDailySql.SOURCE_STREAM, Instant.now());
  }
}
