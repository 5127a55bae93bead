package io.fundflow.realtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fundflow.common.ads.AdsAdvisoryDailySql;
import io.fundflow.common.ads.AdvisoryDailyMetrics;
import io.fundflow.realtime.jdbc.AdsAdvisoryDailyTable.StoredRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared MERGE against H2 in Oracle mode, with the table's real DDL. */
class AdsAdvisoryDailyMergeTest {

  private static final Instant T1 = Instant.parse("2026-11-19T02:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-19T03:00:00Z");

  private Connection db;

  @BeforeEach
  void open() throws Exception {
    db = DriverManager.getConnection("jdbc:h2:mem:merge-" + System.nanoTime() + ";MODE=Oracle");
    AdsAdvisoryDailyTable.create(db);
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  private void merge(String source, Instant at, AdvisoryDailyMetrics... rows) throws Exception {
    try (PreparedStatement ps = db.prepareStatement(AdsAdvisoryDailySql.MERGE)) {
      for (AdvisoryDailyMetrics row : rows) {
        AdsAdvisoryDailySql.bind(ps, row, source, at);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static AdvisoryDailyMetrics row(
      String portfolio, String rate, String added, String redeemed, String aum) {
    return new AdvisoryDailyMetrics(
        20261119,
        portfolio,
        3,
        7,
        5,
        rate == null ? null : new BigDecimal(rate),
        2,
        new BigDecimal(added),
        new BigDecimal(redeemed),
        4,
        new BigDecimal(aum));
  }

  @Test
  void insertsThenUpdatesTheSameKeyWithExactValues() throws Exception {
    AdvisoryDailyMetrics first = row("P1", "0.7143", "1234.56", "0.01", "99999999999999999.99");
    merge(AdsAdvisoryDailySql.SOURCE_STREAM, T1, first);
    assertEquals(List.of(new StoredRow(first, true, "STREAM")), AdsAdvisoryDailyTable.rows(db));

    AdvisoryDailyMetrics second =
        row("P1", "1.2500", "0.10", "7654321.09", "1234567890123456789.01");
    merge(AdsAdvisoryDailySql.SOURCE_BATCH, T2, second);
    List<StoredRow> rows = AdsAdvisoryDailyTable.rows(db);
    assertEquals(List.of(new StoredRow(second, true, "BATCH")), rows);
    // BigDecimal.equals in the record compares scale too: amounts come back to the cent,
    // the rate to 4 decimals.
    assertEquals(2, rows.get(0).metrics().addedAmount().scale());
    assertEquals(4, rows.get(0).metrics().signRate().scale());
    assertEquals(Timestamp.from(T2), updatedAt("P1"));
  }

  @Test
  void aNullSignRateIsStoredAsNull() throws Exception {
    merge(AdsAdvisoryDailySql.SOURCE_STREAM, T1, row("P1", "0.5000", "1.00", "2.00", "3.00"));
    AdvisoryDailyMetrics none = row("P1", null, "1.00", "2.00", "3.00");
    merge(AdsAdvisoryDailySql.SOURCE_STREAM, T2, none);
    List<StoredRow> rows = AdsAdvisoryDailyTable.rows(db);
    assertNull(rows.get(0).metrics().signRate());
    assertEquals(List.of(new StoredRow(none, true, "STREAM")), rows);
  }

  @Test
  void replayingABatchConvergesAndKeysStayApart() throws Exception {
    AdvisoryDailyMetrics p1 = row("P1", "0.1000", "10.00", "0.00", "10.00");
    AdvisoryDailyMetrics p1Newer = row("P1", "0.2000", "20.00", "0.00", "20.00");
    AdvisoryDailyMetrics p2 = row("P2", null, "0.00", "5.55", "0.00");
    // One batch holding two versions of a key: executed in order, the newer one wins.
    merge(AdsAdvisoryDailySql.SOURCE_STREAM, T1, p1, p2, p1Newer);
    merge(AdsAdvisoryDailySql.SOURCE_STREAM, T1, p1, p2, p1Newer);
    assertEquals(
        List.of(new StoredRow(p1Newer, true, "STREAM"), new StoredRow(p2, true, "STREAM")),
        AdsAdvisoryDailyTable.rows(db));
  }

  private Timestamp updatedAt(String portfolio) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT UPDATED_AT FROM ADS_ADVISORY_DAILY WHERE PORTFOLIO_CODE = '"
                    + portfolio
                    + "'")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }
}
