package io.fundflow.stack.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema migrations on H2 in Oracle mode, as the embedded stack runs them. */
class DatabaseMigrationsTest {

  private static final String URL =
      "jdbc:h2:mem:migrations;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  @Test
  void migratesOnceAndTheTablesTakeOracleStyleSql() throws Exception {
    DatabaseMigrations migrations = new DatabaseMigrations(URL, "sa", "");
    List<String> first = migrations.apply();
    assertEquals(
        List.of("applied migration V1 platform schema", "applied migration V2 scheduler"),
        first,
        "every migration applies once, in version order");
    assertEquals(List.of(), migrations.apply(), "a second run changes nothing");

    try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO ADS_ADVISORY_DAILY (TRADE_DATE, PORTFOLIO_CODE, ADDED_AMOUNT, AUM,"
                  + " SIGN_RATE, UPDATED_AT, SOURCE) VALUES (?, ?, CAST(? AS NUMBER(19,2)),"
                  + " CAST(? AS NUMBER(21,2)), ?, CURRENT_TIMESTAMP, 'STREAM')")) {
        insert.setInt(1, 20260105);
        insert.setString(2, "P001");
        insert.setBigDecimal(3, new BigDecimal("1000.10"));
        insert.setBigDecimal(4, new BigDecimal("123456789.99"));
        insert.setBigDecimal(5, new BigDecimal("0.6667"));
        assertEquals(1, insert.executeUpdate());
      }
      try (PreparedStatement audit =
          c.prepareStatement(
              "INSERT INTO AUDIT_QUERY (USERNAME, CLIENT_ID, OUTCOME, STATUS_CODE, ASKED_AT)"
                  + " VALUES ('trader1', 'C1', 'OK', 200, CURRENT_TIMESTAMP)")) {
        audit.executeUpdate();
        audit.executeUpdate();
      }
      try (ResultSet rows =
          c.createStatement()
              .executeQuery(
                  "SELECT ADDED_AMOUNT, AUM, NEW_SIGNED_CUSTOMERS FROM ADS_ADVISORY_DAILY"
                      + " WHERE TRADE_DATE = 20260105")) {
        assertTrue(rows.next());
        assertEquals(new BigDecimal("1000.10"), rows.getBigDecimal(1));
        assertEquals(new BigDecimal("123456789.99"), rows.getBigDecimal(2));
        assertEquals(0, rows.getInt(3), "counts default to 0");
      }
      try (ResultSet ids = c.createStatement().executeQuery("SELECT ID FROM AUDIT_QUERY ORDER BY ID")) {
        assertTrue(ids.next());
        long first1 = ids.getLong(1);
        assertTrue(ids.next());
        assertEquals(first1 + 1, ids.getLong(1), "identity column numbers the rows");
      }
      for (String table :
          List.of("BATCH_RUN", "JOB_SAVEPOINT", "FUND_JOURNAL", "CUSTOMER", "CHANNEL",
              "ADVISORY_CONTRACT", "ADVISORY_ORDER")) {
        try (ResultSet count = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
          assertTrue(count.next(), table);
          assertEquals(0, count.getInt(1), table);
        }
      }
    }
  }
}
