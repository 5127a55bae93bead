package io.fundflow.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourceColumn;
import io.fundflow.common.changelog.SourceSchema;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import io.fundflow.common.model.SourceRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayEndWritersTest {

  private static final GeneratedDay DAY =
      TradingDayGenerator.generate(
          GeneratorSettings.defaults(LocalDate.of(2026, 11, 20)).withCustomers(40));

  @Test
  void csvFilesReadBackToTheDayEndRowsWithTheBatchReadersRules(@TempDir Path folder)
      throws Exception {
    Map<String, Integer> written = new CsvDayEndWriter(folder).write(DAY.dayEnd());

    assertEquals(DAY.dayEnd().journal().size(), written.get("FUND_JOURNAL"));
    for (Map.Entry<SourceTable, List<? extends SourceRow>> t :
        DayEndTables.of(DAY.dayEnd()).entrySet()) {
      List<String> lines =
          Files.readAllLines(folder.resolve(t.getKey().name() + ".csv"), StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).split(",", -1));
      assertEquals(
          SourceSchema.columns(t.getKey()).stream().map(SourceColumn::name).toList(), header);
      List<SourceRow> read = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.split(",", -1);
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          columns.put(header.get(i), fields[i].isEmpty() ? null : fields[i]);
        }
        TextRowReader.Result r = TextRowReader.read(t.getKey(), columns);
        assertTrue(r.ok(), () -> line + " -> " + r.rejection());
        read.add(r.row());
      }
      assertEquals(t.getValue(), read, t.getKey().name());
    }
    assertTrue(Files.list(folder).noneMatch(p -> p.toString().endsWith(".partial")));
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
    assertEquals("", CsvDayEndWriter.field(null));
    assertEquals("\"\"", CsvDayEndWriter.field(""));
    assertEquals("-12.30", CsvDayEndWriter.field(new java.math.BigDecimal("-12.30")));
    assertEquals("\"a,b\"", CsvDayEndWriter.field("a,b"));
    assertEquals("\"say \\\"hi\\\"\"", CsvDayEndWriter.field("say \"hi\""));
    assertEquals(
        "2026-11-20 09:30:00.005",
        CsvDayEndWriter.field(java.time.LocalDateTime.of(2026, 11, 20, 9, 30, 0, 5_000_000)));
  }

  @Test
  void jdbcWritesEveryTableOnH2InOracleModeAndARerunReplacesTheDay() throws Exception {
    String url = "jdbc:h2:mem:dayend;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM 'classpath:db/migration/V1__platform_schema.sql'");
      // A row of the same day the day-end no longer holds, and one of another day that stays.
      s.execute(
          "INSERT INTO FUND_JOURNAL (INIT_DATE, SERIAL_NO, OCCUR_TIME, CLIENT_ID, FUND_ACCOUNT,"
              + " BRANCH_NO, MONEY_TYPE, BUSINESS_FLAG, OCCUR_BALANCE) VALUES (20261120, 1,"
              + " TIMESTAMP '2026-11-20 10:00:00', 'X', 'X', 1, 'CNY', 2041, 1.00)");
      s.execute(
          "INSERT INTO FUND_JOURNAL (INIT_DATE, SERIAL_NO, OCCUR_TIME, CLIENT_ID, FUND_ACCOUNT,"
              + " BRANCH_NO, MONEY_TYPE, BUSINESS_FLAG, OCCUR_BALANCE) VALUES (20261119, 1,"
              + " TIMESTAMP '2026-11-19 10:00:00', 'X', 'X', 1, 'CNY', 2041, 1.00)");

      JdbcDayEndWriter.write(c, DAY.dayEnd());
      Map<String, Integer> again = JdbcDayEndWriter.write(c, DAY.dayEnd());

      assertEquals(DAY.dayEnd().journal().size(), again.get("FUND_JOURNAL"));
      for (Map.Entry<SourceTable, List<? extends SourceRow>> t :
          DayEndTables.of(DAY.dayEnd()).entrySet()) {
        String where = t.getKey() == SourceTable.FUND_JOURNAL ? " WHERE INIT_DATE = 20261120" : "";
        List<SourceRow> read = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery("SELECT * FROM " + t.getKey().name() + where + " ORDER BY 1, 2")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              String text =
                  v instanceof java.math.BigDecimal d
                      ? d.toPlainString()
                      : v instanceof java.sql.Timestamp ts
                          ? java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                              .format(ts.toLocalDateTime())
                          : v == null ? null : v.toString();
              columns.put(md.getColumnLabel(i).toUpperCase(), text);
            }
            TextRowReader.Result r = TextRowReader.read(t.getKey(), columns);
            assertTrue(r.ok(), () -> columns + " -> " + r.rejection());
            read.add(r.row());
          }
        }
        List<SourceRow> expected = new ArrayList<>(t.getValue());
        expected.sort(java.util.Comparator.comparing(SourceRow::primaryKey));
        read.sort(java.util.Comparator.comparing(SourceRow::primaryKey));
        assertEquals(expected, read, t.getKey().name());
      }
      try (ResultSet rs =
          s.executeQuery("SELECT COUNT(*) FROM FUND_JOURNAL WHERE INIT_DATE = 20261119")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }
}
