package io.fundflow.serving.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.names.DatabaseTables;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The serving process's reads from the platform database: the advisory metrics of a day and a
 * customer's branch from the day-end CUSTOMER copy. The SQL runs on Oracle and on H2 in Oracle
 * mode.
 */
public final class PlatformDatabase {

  private static final String ADVISORY =
      "SELECT TRADE_DATE, PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS, APPLIED_CONTRACTS,"
          + " SIGNED_CONTRACTS, SIGN_RATE, ADDED_CUSTOMERS, ADDED_AMOUNT, REDEEMED_AMOUNT,"
          + " RETAINED_CUSTOMERS, AUM, UPDATED_AT, SOURCE FROM "
          + DatabaseTables.ADS_ADVISORY_DAILY
          + " WHERE TRADE_DATE = ? ORDER BY PORTFOLIO_CODE";
  private static final String BRANCH =
      "SELECT BRANCH_NO FROM " + DatabaseTables.CUSTOMER + " WHERE CLIENT_ID = ?";

  private final DataSource dataSource;

  public PlatformDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The {@code ADS_ADVISORY_DAILY} rows of {@code tradeDate} as JSON objects, amounts as text. */
  public ArrayNode advisoryDaily(int tradeDate) throws SQLException {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(ADVISORY)) {
      ps.setInt(1, tradeDate);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ObjectNode row = rows.addObject();
          row.put("tradeDate", rs.getInt("TRADE_DATE"));
          row.put("portfolioCode", rs.getString("PORTFOLIO_CODE"));
          row.put("newSignedCustomers", rs.getLong("NEW_SIGNED_CUSTOMERS"));
          row.put("appliedContracts", rs.getLong("APPLIED_CONTRACTS"));
          row.put("signedContracts", rs.getLong("SIGNED_CONTRACTS"));
          row.put("signRate", decimal(rs.getBigDecimal("SIGN_RATE"), 4));
          row.put("addedCustomers", rs.getLong("ADDED_CUSTOMERS"));
          row.put("addedAmount", decimal(rs.getBigDecimal("ADDED_AMOUNT"), 2));
          row.put("redeemedAmount", decimal(rs.getBigDecimal("REDEEMED_AMOUNT"), 2));
          row.put("retainedCustomers", rs.getLong("RETAINED_CUSTOMERS"));
          row.put("aum", decimal(rs.getBigDecimal("AUM"), 2));
          Timestamp updated = rs.getTimestamp("UPDATED_AT");
          row.put("updatedAt", updated.toLocalDateTime().toString());
          row.put("source", rs.getString("SOURCE"));
        }
      }
    }
    return rows;
  }

  /** The customer's BRANCH_NO in the day-end CUSTOMER copy, if the customer is there. */
  public Optional<Integer> customerBranch(String clientId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(BRANCH)) {
      ps.setString(1, clientId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }

  /** True when the database answers. */
  public boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static String decimal(BigDecimal v, int scale) {
    return v == null ? null : v.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
