package io.fundflow.realtime.jdbc;

import io.fundflow.common.ads.AdvisoryDailyMetrics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The ADS_ADVISORY_DAILY table in a test database: its DDL, and its rows read back. */
public final class AdsAdvisoryDailyTable {

  /** The table's DDL as the migration defines it (Oracle types; H2 takes them in Oracle mode). */
  public static final String DDL =
      "CREATE TABLE ADS_ADVISORY_DAILY ("
          + " TRADE_DATE NUMBER(8) NOT NULL,"
          + " PORTFOLIO_CODE VARCHAR2(32) NOT NULL,"
          + " NEW_SIGNED_CUSTOMERS NUMBER(10),"
          + " APPLIED_CONTRACTS NUMBER(10),"
          + " SIGNED_CONTRACTS NUMBER(10),"
          + " SIGN_RATE NUMBER(9,4),"
          + " ADDED_CUSTOMERS NUMBER(10),"
          + " ADDED_AMOUNT NUMBER(19,2),"
          + " REDEEMED_AMOUNT NUMBER(19,2),"
          + " RETAINED_CUSTOMERS NUMBER(10),"
          + " AUM NUMBER(21,2),"
          + " UPDATED_AT TIMESTAMP,"
          + " SOURCE VARCHAR2(8),"
          + " CONSTRAINT PK_ADS_ADVISORY_DAILY PRIMARY KEY (TRADE_DATE, PORTFOLIO_CODE))";

  private AdsAdvisoryDailyTable() {}

  /** Creates the table. */
  public static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(DDL);
    }
  }

  /** A row read back, with the two columns the writer adds. */
  public record StoredRow(AdvisoryDailyMetrics metrics, boolean hasUpdatedAt, String source) {}

  /** Every row, by TRADE_DATE then PORTFOLIO_CODE. */
  public static List<StoredRow> rows(Connection c) throws SQLException {
    List<StoredRow> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT * FROM ADS_ADVISORY_DAILY ORDER BY TRADE_DATE, PORTFOLIO_CODE")) {
      while (rs.next()) {
        AdvisoryDailyMetrics m =
            new AdvisoryDailyMetrics(
                rs.getInt("TRADE_DATE"),
                rs.getString("PORTFOLIO_CODE"),
                rs.getLong("NEW_SIGNED_CUSTOMERS"),
                rs.getLong("APPLIED_CONTRACTS"),
                rs.getLong("SIGNED_CONTRACTS"),
                rs.getBigDecimal("SIGN_RATE"),
                rs.getLong("ADDED_CUSTOMERS"),
                rs.getBigDecimal("ADDED_AMOUNT"),
                rs.getBigDecimal("REDEEMED_AMOUNT"),
                rs.getLong("RETAINED_CUSTOMERS"),
                rs.getBigDecimal("AUM"));
        rows.add(new StoredRow(m, rs.getTimestamp("UPDATED_AT") != null, rs.getString("SOURCE")));
      }
    }
    return rows;
  }
}
