package io.fundflow.serving.store;

import io.fundflow.common.names.DatabaseTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;

/** Writes {@code AUDIT_QUERY} rows; the SQL runs on Oracle and on H2 in Oracle mode. */
public final class AuditLog {

  static final int MAX_USERNAME = 64;
  static final int MAX_CLIENT_ID = 18;
  static final int MAX_FILTERS = 400;

  private static final String INSERT =
      "INSERT INTO "
          + DatabaseTables.AUDIT_QUERY
          + " (USERNAME, CLIENT_ID, RANGE_FROM, RANGE_TO, FILTERS, ROWS_RETURNED, OUTCOME,"
          + " STATUS_CODE, ASKED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;

  public AuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes one entry, cutting text to its column's width. */
  public void write(AuditEntry e) throws SQLException {
    writeBatch(java.util.List.of(e));
  }

  /** Writes entries in one JDBC batch and one transaction: all of them or none. */
  public void writeBatch(java.util.List<AuditEntry> entries) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        for (AuditEntry e : entries) {
          bind(ps, e);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
    ps.setString(1, cut(e.username(), MAX_USERNAME));
    if (e.clientId() == null || e.clientId().length() > MAX_CLIENT_ID) {
      ps.setNull(2, Types.VARCHAR);
    } else {
      ps.setString(2, e.clientId());
    }
    timestamp(ps, 3, e.rangeFrom());
    timestamp(ps, 4, e.rangeTo());
    ps.setString(5, cut(e.filters(), MAX_FILTERS));
    if (e.rowsReturned() == null) {
      ps.setNull(6, Types.NUMERIC);
    } else {
      ps.setLong(6, e.rowsReturned());
    }
    ps.setString(7, e.outcome());
    ps.setInt(8, e.statusCode());
    ps.setTimestamp(9, Timestamp.valueOf(e.askedAt()));
  }

  private static void timestamp(PreparedStatement ps, int index, java.time.LocalDateTime t)
      throws SQLException {
    if (t == null) {
      ps.setNull(index, Types.TIMESTAMP);
    } else {
      ps.setTimestamp(index, Timestamp.valueOf(t));
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
