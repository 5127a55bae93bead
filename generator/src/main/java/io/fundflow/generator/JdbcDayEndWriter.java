package io.fundflow.generator;

import io.fundflow.common.changelog.SourceColumn;
import io.fundflow.common.changelog.SourceSchema;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.SourceRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the day-end data into the platform database's source tables (FUND_JOURNAL, CUSTOMER,
 * CHANNEL, ADVISORY_CONTRACT, ADVISORY_ORDER of {@code V1__platform_schema.sql}), in one
 * transaction, in batches. The day's journal replaces that INIT_DATE's rows (a day-end extract is
 * the whole day); the other tables are merged by key. The SQL runs on Oracle and on H2 in Oracle
 * mode: {@code MERGE … USING (SELECT CAST(? AS …) … FROM DUAL)} types every parameter for H2.
 */
public final class JdbcDayEndWriter implements DayEndWriter {

  private static final int BATCH = 1000;

  private final String url;
  private final String user;
  private final String password;

  public JdbcDayEndWriter(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public Map<String, Integer> write(DayEndData dayEnd) throws IOException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      return write(c, dayEnd);
    } catch (SQLException e) {
      throw new IOException("writing day-end data to " + url + " failed: " + e.getMessage(), e);
    }
  }

  /** Writes on a connection the caller holds; commits on success, rolls back on failure. */
  public static Map<String, Integer> write(Connection c, DayEndData dayEnd) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Map<String, Integer> written = new LinkedHashMap<>();
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM FUND_JOURNAL WHERE INIT_DATE = ?")) {
        delete.setInt(1, dayEnd.initDate());
        delete.executeUpdate();
      }
      for (Map.Entry<SourceTable, List<? extends SourceRow>> t :
          DayEndTables.of(dayEnd).entrySet()) {
        SourceTable table = t.getKey();
        String sql = table == SourceTable.FUND_JOURNAL ? insertSql(table) : mergeSql(table);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int pending = 0;
          for (SourceRow row : t.getValue()) {
            bind(ps, table, DayEndTables.columns(row));
            ps.addBatch();
            if (++pending == BATCH) {
              ps.executeBatch();
              pending = 0;
            }
          }
          if (pending > 0) {
            ps.executeBatch();
          }
        }
        written.put(table.name(), t.getValue().size());
      }
      c.commit();
      return written;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  static String insertSql(SourceTable table) {
    List<SourceColumn> columns = SourceSchema.columns(table);
    return "INSERT INTO "
        + table.name()
        + " ("
        + columns.stream().map(SourceColumn::name).collect(Collectors.joining(", "))
        + ") VALUES ("
        + columns.stream().map(col -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  static String mergeSql(SourceTable table) {
    List<SourceColumn> columns = SourceSchema.columns(table);
    String source =
        columns.stream()
            .map(col -> "CAST(? AS " + sqlType(col) + ") AS " + col.name())
            .collect(Collectors.joining(", "));
    String on =
        columns.stream()
            .filter(SourceColumn::key)
            .map(col -> "t." + col.name() + " = s." + col.name())
            .collect(Collectors.joining(" AND "));
    String set =
        columns.stream()
            .filter(col -> !col.key())
            .map(col -> col.name() + " = s." + col.name())
            .collect(Collectors.joining(", "));
    String names = columns.stream().map(SourceColumn::name).collect(Collectors.joining(", "));
    String values =
        columns.stream().map(col -> "s." + col.name()).collect(Collectors.joining(", "));
    return "MERGE INTO "
        + table.name()
        + " t USING (SELECT "
        + source
        + " FROM DUAL) s ON ("
        + on
        + ") WHEN MATCHED THEN UPDATE SET "
        + set
        + " WHEN NOT MATCHED THEN INSERT ("
        + names
        + ") VALUES ("
        + values
        + ")";
  }

  private static String sqlType(SourceColumn column) {
    switch (column.type()) {
      case INT32:
        return "NUMBER(10)";
      case INT64:
        return "NUMBER(19)";
      case MONEY:
        return "NUMBER(19,2)";
      case TIMESTAMP:
        return "TIMESTAMP";
      default:
        return "VARCHAR2(200)";
    }
  }

  private static void bind(PreparedStatement ps, SourceTable table, Map<String, Object> row)
      throws SQLException {
    int i = 1;
    for (SourceColumn column : SourceSchema.columns(table)) {
      Object v = row.get(column.name());
      switch (column.type()) {
        case INT32:
          if (v == null) {
            ps.setNull(i, Types.INTEGER);
          } else {
            ps.setInt(i, (Integer) v);
          }
          break;
        case INT64:
          if (v == null) {
            ps.setNull(i, Types.BIGINT);
          } else {
            ps.setLong(i, ((Number) v).longValue());
          }
          break;
        case MONEY:
          if (v == null) {
            ps.setNull(i, Types.NUMERIC);
          } else {
            ps.setBigDecimal(i, (BigDecimal) v);
          }
          break;
        case TIMESTAMP:
          if (v == null) {
            ps.setNull(i, Types.TIMESTAMP);
          } else {
            // A local date-time: TIMESTAMP without zone on both databases, no zone conversion.
            ps.setObject(i, v, Types.TIMESTAMP);
          }
          break;
        default:
          if (v == null) {
            ps.setNull(i, Types.VARCHAR);
          } else {
            ps.setString(i, v.toString());
          }
      }
      i++;
    }
  }
}
