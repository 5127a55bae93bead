package io.fundflow.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.batch.report.CorrectionReport;
import io.fundflow.batch.source.SourceSpec;
import io.fundflow.common.ads.AdvisoryDailyMetrics;
import io.fundflow.common.config.Settings;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.DayBucketManifest;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correction job against the real local HBase and database, Spark local[2]: a day as the
 * stream left it, the day-end data through each source kind, then every served row checked.
 */
@ExtendWith(LocalStackExtension.class)
class CorrectionIT {

  private static SparkSession spark;
  private static BatchConfig config;
  private static StackEndpoints stack;
  private static int firstDay;
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  @TempDir static Path tmp;

  @BeforeAll
  static void start(StackEndpoints endpoints) throws Exception {
    stack = endpoints;
    config =
        BatchConfig.from(
            Settings.of(
                Map.of(
                    "hbase.bootstrap.servers", endpoints.hbase().get("hbase.client.bootstrap.servers"),
                    "db.url", endpoints.jdbcUrl(),
                    "db.user", endpoints.jdbcUser(),
                    "db.password", endpoints.jdbcPassword(),
                    "spark.master", "local[2]",
                    "batch.report.dir", tmp.resolve("reports").toString()),
                "(test)", Map.of(), Map.of()));
    spark = SparkSessions.create(config);
    // The test stack persists: take days before any this test (or another) ever used. Scenarios
    // are 5 days apart: each also writes rows of the next trading day and of the two days before.
    firstDay = TradeDate.of(TradeDate.toLocalDate(earliestDayInDatabase()).minusDays(20));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void jdbcSourceCorrectsEveryRowAndASecondRunFindsNothing() throws Exception {
    DayScenario s = new DayScenario(firstDay, RUN + "J");
    loadDatabase(s);
    preload(s);

    CorrectionReport r = run(s, SourceSpec.JDBC, false);

    assertCorrected(s, r);
    CorrectionReport again = run(s, SourceSpec.JDBC, false);
    assertEquals("SUCCEEDED", again.status());
    assertEquals(0, again.corrections(), "second run corrections");
    assertEquals(0, again.written(), "second run writes");
    assertEquals(6, again.details().matched());
    assertEquals(4, again.summaries().matched());
    assertEquals(2, again.ads().matched());
  }

  @Test
  void csvSourceCorrectsEveryRow() throws Exception {
    DayScenario s = new DayScenario(daysBefore(firstDay, 5), RUN + "C");
    preload(s);
    CorrectionReport r = run(s, new SourceSpec(writeCsv(s)), false);
    assertCorrected(s, r);
  }

  @Test
  void dryRunReportsButChangesNothing() throws Exception {
    DayScenario s = new DayScenario(daysBefore(firstDay, 10), RUN + "D");
    preload(s);
    Map<String, byte[]> before = servedCells(s);

    CorrectionReport r = run(s, new SourceSpec(writeCsv(s)), true);

    assertEquals("SUCCEEDED", r.status());
    assertTrue(r.dryRun());
    assertEquals(new CorrectionReport.Counts(6, 7, 4, 1, 1, 2, 0), r.details());
    assertEquals(new CorrectionReport.Counts(4, 4, 1, 1, 2, 1, 0), r.summaries());
    assertEquals(0, r.written());
    Map<String, byte[]> after = servedCells(s);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    assertEquals(List.of("STREAM", "STREAM"), adsSources(s));
    assertEquals("SUCCEEDED", batchRunStatus(r.runId()));
  }

  @Test
  void missingSourceFailsCleanlyAndWritesNothing() throws Exception {
    DayScenario s = new DayScenario(daysBefore(firstDay, 15), RUN + "M");
    preload(s);
    Map<String, byte[]> before = servedCells(s);

    CorrectionReport r = run(s, new SourceSpec(tmp.resolve("no-such-folder")), false);

    assertEquals("FAILED", r.status());
    assertNotNull(r.error());
    assertTrue(r.error().contains("FUND_JOURNAL.csv"), r.error());
    assertEquals("FAILED", batchRunStatus(r.runId()));
    Map<String, byte[]> after = servedCells(s);
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
  }

  @Test
  void aMalformedJournalLineFailsCleanlyAndWritesNothing() throws Exception {
    DayScenario s = new DayScenario(daysBefore(firstDay, 17), RUN + "B");
    preload(s);
    Map<String, byte[]> before = servedCells(s);
    Path folder = writeCsv(s);
    Path journal = folder.resolve("FUND_JOURNAL.csv");
    Files.writeString(journal, Files.readString(journal) + s.day + ",a line,cut short\n");

    CorrectionReport r = run(s, new SourceSpec(folder), false);

    assertEquals("FAILED", r.status());
    assertTrue(r.error().contains("FUND_JOURNAL.csv") && r.error().contains("cut short"), r.error());
    assertEquals("FAILED", batchRunStatus(r.runId()));
    Map<String, byte[]> after = servedCells(s);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
  }

  @Test
  void aBucketTheManifestLostIsScannedInEverySaltAndRecordedAgain() throws Exception {
    DayScenario s = new DayScenario(daysBefore(firstDay, 20), RUN + "L");
    LocalDate dayBefore = s.date.minusDays(1);
    // The day-end data's only entry of D-1 is C2's (e3). The stream also served, in bucket D-1, an
    // entry of a customer of another salt that the counter rolled back, and its manifest entry for
    // D-1 was lost: only the source's occur days lead every salt's task to that bucket.
    Customer other = Stream.of(s.c1, s.c4, s.c5)
        .filter(c -> FundFlowRowKey.salt(c.clientId()) != FundFlowRowKey.salt(s.c2.clientId()))
        .findFirst().orElseThrow();
    FundFlow lost = s.flow(s.rolledBack(other, -1, 11));
    List<RowMutation> state = new ArrayList<>();
    for (RowMutation m : s.streamState()) {
      if (!Arrays.equals(m.row(), DayBucketManifest.rowKey(s.day))
          || !m.cells().containsKey(DayBucketManifest.qualifier(dayBefore))) {
        state.add(m);
      }
    }
    state.add(FundFlowRows.put(lost, CellVersion.stream(1_000)));
    preload(s, state);
    assertTrue(manifestDays(s).stream().noneMatch(dayBefore::equals), "the manifest lost D-1");

    CorrectionReport r = run(s, new SourceSpec(writeCsv(s)), false);

    assertEquals("SUCCEEDED", r.status(), r.error());
    assertEquals(3, r.details().deleted(), "x1, x2 and the entry in the lost bucket");
    try (Connection c = hbase()) {
      assertNull(cell(c, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(lost), FundFlowRows.FLOW_CELL));
    }
    assertTrue(manifestDays(s).contains(dayBefore), "D-1 recorded again: " + manifestDays(s));
    assertTrue(r.occurDaysScanned().contains(TradeDate.of(dayBefore)));
  }

  // ---------------------------------------------------------------- checks

  private void assertCorrected(DayScenario s, CorrectionReport r) throws Exception {
    assertEquals("SUCCEEDED", r.status(), r.error());
    assertEquals(7, r.journalRowsRead());
    assertEquals(1, r.journalRowsRejected());
    assertEquals(1, r.rejectedSample().size());
    assertTrue(r.rejectedSample().get(0).contains("BRANCH"), r.rejectedSample().get(0));
    // expected, served, matched, inserted, updated, deleted, written
    assertEquals(new CorrectionReport.Counts(6, 7, 4, 1, 1, 2, 4), r.details());
    assertEquals(new CorrectionReport.Counts(4, 4, 1, 1, 2, 1, 4), r.summaries());
    assertEquals(new CorrectionReport.Counts(2, 2, 0, 0, 2, 0, 2), r.ads());
    assertTrue(r.occurDaysScanned().containsAll(
        List.of(s.day, TradeDate.of(s.date.minusDays(1)), TradeDate.of(s.date.minusDays(2)))));
    assertEquals("SUCCEEDED", batchRunStatus(r.runId()));

    long correction = CellVersion.correction(Instant.parse(r.startedAt()).toEpochMilli());
    try (Connection c = hbase()) {
      for (FundFlow f : s.expectedFlows()) {
        Cell cell = cell(c, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(f), FundFlowRows.FLOW_CELL);
        assertNotNull(cell, "flow " + f.key());
        assertArrayEquals(DayScenario.flowBytes(f), CellUtil.cloneValue(cell), "flow " + f.key());
      }
      Cell e5 = cell(c, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(s.flow(s.e5)), FundFlowRows.FLOW_CELL);
      assertEquals(correction, e5.getTimestamp(), "inserted at the correction version");
      for (var extra : List.of(s.x1Extra, s.x2Extra)) {
        assertNull(cell(c, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(s.flow(extra)), FundFlowRows.FLOW_CELL));
      }
      Cell other = cell(c, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(s.flow(s.y1OtherDay)), FundFlowRows.FLOW_CELL);
      assertNotNull(other, "another trading day's row in the same bucket is left alone");
      assertEquals(1_000, other.getTimestamp());

      Map<CustomerDayKey, CustomerDaySummary> expected = s.expectedSummaries();
      assertEquals(4, expected.size());
      for (CustomerDaySummary sum : expected.values()) {
        Cell cell = cell(c, HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRows.rowKey(sum.key()), CustomerDayRows.SUMMARY_CELL);
        assertNotNull(cell, "summary " + sum.key());
        assertArrayEquals(DayScenario.summaryBytes(sum), CellUtil.cloneValue(cell), "summary " + sum.key());
      }
      assertNull(cell(c, HBaseLayout.CUSTOMER_DAY_TABLE,
          CustomerDayRows.rowKey(new CustomerDayKey(s.c4.clientId(), s.day, MoneyType.CNY)),
          CustomerDayRows.SUMMARY_CELL), "summary of a customer-day that no longer exists");
    }

    Map<String, AdvisoryDailyMetrics> ads = ads(s);
    assertEquals(
        new AdvisoryDailyMetrics(s.day, s.portfolio, 0, 1, 0, new BigDecimal("0.0000"), 1,
            new BigDecimal("200.00"), new BigDecimal("0.00"), 1, new BigDecimal("1200.00")),
        ads.get(s.portfolio));
    assertEquals(
        new AdvisoryDailyMetrics(s.day, s.portfolioGone, 0, 0, 0, null, 0,
            new BigDecimal("0.00"), new BigDecimal("0.00"), 0, new BigDecimal("0.00")),
        ads.get(s.portfolioGone));
    assertEquals(List.of("BATCH", "BATCH"), adsSources(s));
  }

  // ---------------------------------------------------------------- fixtures

  private CorrectionReport run(DayScenario s, SourceSpec source, boolean dryRun) throws Exception {
    String runId = "it-" + s.prefix + "-" + System.nanoTime();
    return new CorrectionJob(config, System.out)
        .run(spark, new CorrectionJob.Request(s.day, source, dryRun, runId, tmp.resolve(runId + ".json")));
  }

  private static Connection hbase() throws Exception {
    return ConnectionFactory.createConnection(new HBaseClientSettings(stack.hbase()).toConfiguration());
  }

  private static Cell cell(Connection c, String table, byte[] row, String qualifier) throws Exception {
    try (Table t = c.getTable(HBaseMutations.tableName(table))) {
      Result r = t.get(new Get(row));
      return r.getColumnLatestCell(HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8),
          qualifier.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Every served cell the scenario touches, by table and rowkey: to prove nothing changed. */
  private static Map<String, byte[]> servedCells(DayScenario s) throws Exception {
    Map<String, byte[]> out = new java.util.TreeMap<>();
    try (Connection c = hbase()) {
      for (RowMutation m : s.streamState()) {
        for (String q : m.cells().keySet()) {
          Cell cell = cell(c, m.table(), m.row(), q);
          String key = m.table() + "/" + java.util.HexFormat.of().formatHex(m.row()) + "/" + q;
          out.put(key, cell == null ? new byte[0] : CellUtil.cloneValue(cell));
        }
      }
      for (FundFlow f : s.expectedFlows()) {
        Cell cell = cell(c, HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(f), FundFlowRows.FLOW_CELL);
        out.put("expected/" + f.key(), cell == null ? new byte[0] : CellUtil.cloneValue(cell));
      }
    }
    return out;
  }

  private static List<LocalDate> manifestDays(DayScenario s) throws Exception {
    try (Connection c = hbase();
        Table t = c.getTable(HBaseMutations.tableName(HBaseLayout.DAY_BUCKET_TABLE))) {
      Result r = t.get(new Get(DayBucketManifest.rowKey(s.day)));
      List<LocalDate> days = new ArrayList<>();
      if (!r.isEmpty()) {
        r.getFamilyMap(HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8)).keySet()
            .forEach(q -> days.add(DayBucketManifest.occurDay(new String(q, StandardCharsets.UTF_8))));
      }
      return days;
    }
  }

  private static void preload(DayScenario s) throws Exception {
    preload(s, s.streamState());
  }

  /** HBase as the stream left it ({@code state}), and the day's ADS rows as the stream wrote them. */
  private static void preload(DayScenario s, List<RowMutation> state) throws Exception {
    try (Connection c = hbase()) {
      for (RowMutation m : state) {
        try (Table t = c.getTable(HBaseMutations.tableOf(m))) {
          t.put((org.apache.hadoop.hbase.client.Put) HBaseMutations.toHBase(m));
        }
      }
    }
    try (java.sql.Connection db = db();
        PreparedStatement ps = db.prepareStatement(
            "INSERT INTO ADS_ADVISORY_DAILY (TRADE_DATE, PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS,"
                + " APPLIED_CONTRACTS, SIGNED_CONTRACTS, SIGN_RATE, ADDED_CUSTOMERS, ADDED_AMOUNT,"
                + " REDEEMED_AMOUNT, RETAINED_CUSTOMERS, AUM, UPDATED_AT, SOURCE)"
                + " VALUES (?, ?, 0, 1, 0, 0, 1, 200.00, 0.00, 1, 999.00, ?, 'STREAM')")) {
      for (String p : List.of(s.portfolio, s.portfolioGone)) {
        ps.setInt(1, s.day);
        ps.setString(2, p);
        ps.setTimestamp(3, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      }
    }
  }

  private static void loadDatabase(DayScenario s) throws Exception {
    try (java.sql.Connection db = db()) {
      try (PreparedStatement ps = db.prepareStatement(
          "MERGE INTO CHANNEL t USING (SELECT CAST(? AS VARCHAR2(4)) AS C FROM dual) s ON (t.CHANNEL_CODE = s.C)"
              + " WHEN NOT MATCHED THEN INSERT (CHANNEL_CODE, CHANNEL_NAME, CHANNEL_TYPE) VALUES (s.C, ?, ?)")) {
        ps.setString(1, DayScenario.CHANNEL.channelCode());
        ps.setString(2, DayScenario.CHANNEL.channelName());
        ps.setString(3, DayScenario.CHANNEL.channelType().name());
        ps.executeUpdate();
      }
      for (var table : s.tables().entrySet()) {
        if (table.getKey().equals("CHANNEL")) {
          continue;
        }
        for (Map<String, String> row : table.getValue()) {
          List<String> cols = new ArrayList<>(row.keySet());
          String sql = "INSERT INTO " + table.getKey() + " (" + String.join(", ", cols) + ") VALUES ("
              + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
          try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < cols.size(); i++) {
              String v = row.get(cols.get(i));
              if (v == null) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
              } else if (cols.get(i).endsWith("_TIME")) {
                ps.setTimestamp(i + 1, Timestamp.valueOf(v));
              } else {
                ps.setString(i + 1, v);
              }
            }
            ps.executeUpdate();
          }
        }
      }
    }
  }

  private static Path writeCsv(DayScenario s) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("csv-" + s.prefix));
    for (var table : s.tables().entrySet()) {
      Files.writeString(folder.resolve(table.getKey() + ".csv"), DayScenario.csv(table.getValue()));
    }
    return folder;
  }

  private static Map<String, AdvisoryDailyMetrics> ads(DayScenario s) throws Exception {
    Map<String, AdvisoryDailyMetrics> out = new java.util.HashMap<>();
    try (java.sql.Connection db = db();
        PreparedStatement ps = db.prepareStatement(
            "SELECT TRADE_DATE, PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS, APPLIED_CONTRACTS, SIGNED_CONTRACTS,"
                + " SIGN_RATE, ADDED_CUSTOMERS, ADDED_AMOUNT, REDEEMED_AMOUNT, RETAINED_CUSTOMERS, AUM"
                + " FROM ADS_ADVISORY_DAILY WHERE TRADE_DATE = ?")) {
      ps.setInt(1, s.day);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(2), new AdvisoryDailyMetrics(rs.getInt(1), rs.getString(2), rs.getLong(3),
              rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8),
              rs.getBigDecimal(9), rs.getLong(10), rs.getBigDecimal(11)));
        }
      }
    }
    return out;
  }

  private static List<String> adsSources(DayScenario s) throws Exception {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection db = db();
        PreparedStatement ps = db.prepareStatement(
            "SELECT SOURCE FROM ADS_ADVISORY_DAILY WHERE TRADE_DATE = ? ORDER BY PORTFOLIO_CODE")) {
      ps.setInt(1, s.day);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static String batchRunStatus(String runId) throws Exception {
    try (java.sql.Connection db = db();
        PreparedStatement ps = db.prepareStatement("SELECT STATUS, ENDED_AT FROM BATCH_RUN WHERE RUN_ID = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "BATCH_RUN row of " + runId);
        assertNotNull(rs.getTimestamp(2), "ENDED_AT");
        return rs.getString(1);
      }
    }
  }

  /** The yyyymmdd date {@code days} calendar days before {@code yyyymmdd}. */
  private static int daysBefore(int yyyymmdd, int days) {
    return TradeDate.of(TradeDate.toLocalDate(yyyymmdd).minusDays(days));
  }

  /** The earliest day any journal entry, contract or order in the database uses (20000101 if none). */
  private static int earliestDayInDatabase() throws Exception {
    try (java.sql.Connection db = db();
        ResultSet rs = db.createStatement().executeQuery(
            "SELECT (SELECT MIN(INIT_DATE) FROM FUND_JOURNAL), (SELECT MIN(APPLY_TIME) FROM ADVISORY_CONTRACT),"
                + " (SELECT MIN(TRADE_DATE) FROM ADVISORY_ORDER),"
                // Every scenario writes its day's ADS rows, the JDBC one alone the source tables:
                // without these, a rerun of some tests alone would reuse their days.
                + " (SELECT MIN(TRADE_DATE) FROM ADS_ADVISORY_DAILY) FROM dual")) {
      rs.next();
      int min = 20000101;
      if (rs.getObject(1) != null) {
        min = Math.min(min, rs.getInt(1));
      }
      if (rs.getTimestamp(2) != null) {
        min = Math.min(min, TradeDate.of(rs.getTimestamp(2).toLocalDateTime().toLocalDate()));
      }
      if (rs.getObject(3) != null) {
        min = Math.min(min, rs.getInt(3));
      }
      if (rs.getObject(4) != null) {
        min = Math.min(min, rs.getInt(4));
      }
      return min;
    }
  }

  private static java.sql.Connection db() throws Exception {
    return DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
  }
}
