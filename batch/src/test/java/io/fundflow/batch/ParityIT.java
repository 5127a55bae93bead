package io.fundflow.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.batch.report.CorrectionReport;
import io.fundflow.batch.source.SourceSpec;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.config.Settings;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.names.Topics;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.realtime.job.AdvisoryJob;
import io.fundflow.realtime.job.FundFlowJob;
import io.fundflow.realtime.job.JobEnvironment;
import io.fundflow.realtime.job.RealtimeConfig;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Table;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda parity: one change log (inserts, updates, deletes, duplicates, a stale replay) through the
 * realtime fund-flow and advisory jobs on a Flink MiniCluster, and the same day's final rows through
 * the batch correction (Spark local), both against the real local Kafka, HBase and database. Flink
 * and Spark share this JVM: Flink relocates its Jackson, Netty, Guava and Kryo 5, and brings no
 * Scala, so the two engines do not clash.
 */
@ExtendWith(LocalStackExtension.class)
class ParityIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
  private static final Channel CHANNEL = new Channel("PAR1", "Parity channel", ChannelType.ONLINE);

  @TempDir static Path tmp;

  private static StackEndpoints stack;
  private static SparkSession spark;
  private static BatchConfig config;
  private static KafkaProducer<byte[], byte[]> producer;
  private static Admin admin;
  private static long scn;

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
    Properties p = new Properties();
    p.put("bootstrap.servers", endpoints.kafkaBootstrap());
    p.put("key.serializer", ByteArraySerializer.class.getName());
    p.put("value.serializer", ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrap()));
    scn = System.currentTimeMillis() * 10;
  }

  @AfterAll
  static void stop() {
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void streamAndBatchServeTheSameDay() throws Exception {
    // A day no other test uses (the test stack persists): CorrectionIT walks back from the earliest
    // day in the database, this test lives in the future, a different day per run.
    int day = TradeDate.of(LocalDate.of(2080, 1, 1).plusDays(System.currentTimeMillis() / 1000 % 20_000));
    Day d = new Day(day, "PY" + RUN);

    // ---- the change log through the realtime jobs
    long startMillis = System.currentTimeMillis() - 1_000;
    Map<TopicPartition, Long> dimensions = new HashMap<>();
    RecordMetadata channel =
        send(Topics.ODS_CHANNEL, CHANNEL.channelCode(), message("CHANNEL", "r", null, DayScenario.text(CHANNEL)));
    dimensions.merge(new TopicPartition(channel.topic(), channel.partition()), channel.offset(), Math::max);
    for (Customer c : d.customers()) {
      RecordMetadata m =
          send(Topics.ODS_CUSTOMER, c.clientId(), message("CUSTOMER", "r", null, DayScenario.text(c)));
      dimensions.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
    }
    Map<String, String> e1v1 = DayScenario.text(d.entry(d.c1, 1, 9, 30, "100.00", "1100.00"));
    Map<String, String> e1 = DayScenario.text(d.e1);
    Map<String, String> e2 = DayScenario.text(d.e2);
    Map<String, String> e3 = DayScenario.text(d.e3);
    Map<String, String> e4 = DayScenario.text(d.e4Deleted);
    Map<String, String> e5 = DayScenario.text(d.e5);
    Map<String, String> e6 = DayScenario.text(d.e6);
    Map<String, String> e7 = DayScenario.text(d.e7Deleted);
    Map<String, String> k1Applied = d.contract("APPLIED", null);
    Map<String, String> k1Signed = d.contract("SIGNED", d.date.atTime(10, 0));
    Map<String, String> o1 = d.order("O1", "PURCHASE", "1000.00");
    Map<String, String> o2v1 = d.order("O2", "ADD", "200.00");
    Map<String, String> o2 = d.order("O2", "ADD", "250.00");
    Map<String, String> o3 = d.order("O3", "REDEEM", "100.00");
    // The jobs read every topic at once, so a journal entry sent now could be joined before its
    // customer (built without the customer's attributes, as the stream does by design) and the
    // batch would rightly correct it. Start the jobs first and send the rest only once a completed
    // checkpoint covers the dimensions: its offsets are committed after every operator has them.
    RealtimeConfig rt = realtimeConfig(startMillis, d.prefix);
    List<JobClient> jobs = new ArrayList<>();
    try {
      jobs.add(start(rt, true));
      jobs.add(start(rt, false));
      await("the stream's checkpoint of the dimensions", jobs, () -> committed(rt, dimensions));
      journal("c", null, e1v1);
      journal("c", null, e2);
      journal("c", null, e2); // duplicate delivery
      journal("c", null, e3);
      journal("c", null, e4);
      journal("u", e1v1, e1); // amount corrected at the counter
      long e1InsertScn = scn - 4;
      journal("d", e4, null);
      journal("c", null, e5);
      journal("c", null, e6);
      journal("c", null, e7);
      journal("d", e7, null); // the customer's only entry: no summary must remain
      // A stale replay of e1's first insert: older position, must not undo the update.
      send(Topics.ODS_FUND_JOURNAL, key(e1), message("FUND_JOURNAL", "c", null, e1v1, e1InsertScn));
      advisory(Topics.ODS_ADVISORY_CONTRACT, "ADVISORY_CONTRACT", "CONTRACT_ID", "c", null, k1Applied);
      advisory(Topics.ODS_ADVISORY_CONTRACT, "ADVISORY_CONTRACT", "CONTRACT_ID", "u", k1Applied, k1Signed);
      advisory(Topics.ODS_ADVISORY_ORDER, "ADVISORY_ORDER", "ORDER_ID", "c", null, o1);
      advisory(Topics.ODS_ADVISORY_ORDER, "ADVISORY_ORDER", "ORDER_ID", "c", null, o2v1);
      advisory(Topics.ODS_ADVISORY_ORDER, "ADVISORY_ORDER", "ORDER_ID", "c", null, o2v1); // duplicate
      advisory(Topics.ODS_ADVISORY_ORDER, "ADVISORY_ORDER", "ORDER_ID", "u", o2v1, o2);
      advisory(Topics.ODS_ADVISORY_ORDER, "ADVISORY_ORDER", "ORDER_ID", "c", null, o3);
      advisory(Topics.ODS_ADVISORY_ORDER, "ADVISORY_ORDER", "ORDER_ID", "d", o3, null);

      await("the stream's details and summaries", jobs, () -> streamSettled(d));
      await("the stream's ADS row", jobs, () -> adsSettled(d));
    } finally {
      for (JobClient j : jobs) {
        if (!j.getJobStatus().get().isGloballyTerminalState()) {
          j.cancel().get();
        }
      }
    }

    Map<String, byte[]> streamDetails = detailCells(d);
    Map<String, byte[]> streamSummaries = summaryCells(d);
    Map<String, List<Object>> streamAds = ads(d);
    assertEquals(List.of(d.portfolio), new ArrayList<>(streamAds.keySet()));
    for (FundJournalEntry gone : List.of(d.e4Deleted, d.e7Deleted)) {
      assertNull(cell(HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(d.flow(gone)), FundFlowRows.FLOW_CELL),
          "the stream deleted " + gone.serialNo());
    }
    assertTrue(servedSummary(new CustomerDayKey(d.c4.clientId(), day, MoneyType.CNY)).isEmpty(),
        "the stream removed the summary of a customer-day without entries");

    // ---- the same day's final rows through the batch
    Path csv = writeCsv(d, List.of(k1Signed), List.of(o1, o2));
    CorrectionReport first = runBatch(d, csv);
    assertEquals("SUCCEEDED", first.status(), first.error());
    assertEquals(5, first.journalRowsRead());
    assertEquals(0, first.journalRowsRejected());
    assertEquals(new CorrectionReport.Counts(5, 5, 5, 0, 0, 0, 0), first.details(), "details");
    assertEquals(new CorrectionReport.Counts(3, 3, 3, 0, 0, 0, 0), first.summaries(), "summaries");
    assertEquals(1, first.ads().expected());
    // The stream's ADS row is re-stamped SOURCE=BATCH; its values must not change.
    assertEquals(streamAds, ads(d), "ADS rows equal");
    assertEquals(List.of("BATCH"), adsSources(d));

    // ---- byte parity, independently of the batch's own diff: remove the stream's rows of the day
    // (a delete at the top stream version), let the batch write them all, compare the cells.
    deleteServed(d);
    CorrectionReport second = runBatch(d, csv);
    assertEquals("SUCCEEDED", second.status(), second.error());
    assertEquals(new CorrectionReport.Counts(5, 0, 0, 5, 0, 0, 5), second.details(), "details");
    assertEquals(new CorrectionReport.Counts(3, 0, 0, 3, 0, 0, 3), second.summaries(), "summaries");
    assertEquals(0, second.ads().corrections());
    assertCellsEqual(streamDetails, detailCells(d));
    assertCellsEqual(streamSummaries, summaryCells(d));
    Cell written = cell(HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(d.flow(d.e1)), FundFlowRows.FLOW_CELL);
    assertTrue(CellVersion.isCorrection(written.getTimestamp()), "the batch's version outranks the stream's");
    assertEquals(streamAds, ads(d), "ADS rows equal");
  }

  // ---------------------------------------------------------------- the day

  /** The day's customers, entries (final and deleted) and advisory rows; ids unique per run. */
  private static final class Day {
    final int day;
    final LocalDate date;
    final String prefix;
    final Customer c1;
    final Customer c2;
    final Customer c3;
    final Customer c4;
    final FundJournalEntry e1;
    final FundJournalEntry e2;
    final FundJournalEntry e3;
    final FundJournalEntry e4Deleted;
    final FundJournalEntry e5;
    final FundJournalEntry e6;
    final FundJournalEntry e7Deleted;
    final String portfolio;

    Day(int day, String prefix) {
      this.day = day;
      this.date = TradeDate.toLocalDate(day);
      this.prefix = prefix;
      c1 = customer("A", true);
      c2 = customer("B", false);
      c3 = customer("C", false);
      c4 = customer("D", false);
      e1 = entry(c1, 1, 9, 30, "150.00", "1150.00");
      e2 = entry(c1, 2, 10, 0, "-30.00", "1120.00");
      e3 = entry(c2, 3, -4, 0, "50.00", "550.00"); // 20:00 the evening before
      e4Deleted = entry(c2, 4, 11, 0, "10.00", "560.00");
      e5 = entry(c2, 5, 11, 30, "-0.01", "549.99");
      e6 = entry(c3, 6, 14, 0, "7.25", "7.25");
      e7Deleted = entry(c4, 7, 15, 0, "42.00", "42.00");
      portfolio = prefix + "P";
    }

    private Customer customer(String suffix, boolean key) {
      return new Customer(prefix + suffix, "客户 " + suffix, "0", "110101199001011234", "13800000000",
          1001, 20200101, "0", 3, key);
    }

    /** An entry of the day at {@code hour:minute} (a negative hour: that hour + 24 the day before). */
    FundJournalEntry entry(Customer c, long serial, int hour, int minute, String amount, String post) {
      LocalDateTime t = hour < 0
          ? date.minusDays(1).atTime(24 + hour, minute)
          : date.atTime(hour, minute);
      return new FundJournalEntry(day, serial, t, c.clientId(), "F" + c.clientId(), 1001,
          MoneyType.CNY, 1001, new BigDecimal(amount), new BigDecimal(post), CHANNEL.channelCode(),
          "card 6222020200112233 serial " + serial);
    }

    List<Customer> customers() {
      return List.of(c1, c2, c3, c4);
    }

    List<FundJournalEntry> finalJournal() {
      return List.of(e1, e2, e3, e5, e6);
    }

    FundFlow flow(FundJournalEntry e) {
      Customer c = customers().stream().filter(x -> x.clientId().equals(e.clientId())).findFirst().orElseThrow();
      return FundFlowBuilder.build(e, Optional.of(c), Optional.of(CHANNEL));
    }

    Map<String, String> contract(String status, LocalDateTime signed) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("CONTRACT_ID", prefix + "K1");
      m.put("CLIENT_ID", c1.clientId());
      m.put("PORTFOLIO_CODE", portfolio);
      m.put("BRANCH_NO", "1001");
      m.put("APPLY_TIME", DayScenario.TIME.format(date.atTime(9, 0)));
      m.put("SIGN_TIME", signed == null ? null : DayScenario.TIME.format(signed));
      m.put("TERMINATE_TIME", null);
      m.put("STATUS", status);
      return m;
    }

    Map<String, String> order(String id, String type, String amount) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("ORDER_ID", prefix + id);
      m.put("CONTRACT_ID", prefix + "K1");
      m.put("CLIENT_ID", c1.clientId());
      m.put("PORTFOLIO_CODE", portfolio);
      m.put("ORDER_TYPE", type);
      m.put("AMOUNT", amount);
      m.put("ORDER_TIME", DayScenario.TIME.format(date.atTime(10, 30)));
      m.put("TRADE_DATE", Integer.toString(day));
      m.put("STATUS", "ACCEPTED");
      return m;
    }
  }

  // ---------------------------------------------------------------- stream side

  private static RealtimeConfig realtimeConfig(long startMillis, String group) {
    Map<String, String> keys = new HashMap<>();
    keys.put("kafka.bootstrap.servers", stack.kafkaBootstrap());
    keys.put("hbase.bootstrap.servers", stack.hbase().get("hbase.client.bootstrap.servers"));
    keys.put("db.url", stack.jdbcUrl());
    keys.put("db.user", stack.jdbcUser());
    keys.put("db.password", stack.jdbcPassword());
    keys.put("realtime.parallelism", "1");
    keys.put("realtime.checkpoint.interval", "1s");
    keys.put("realtime.kafka.group-id", "parity-" + group);
    keys.put("realtime.kafka.starting-offsets", "timestamp:" + startMillis);
    keys.put("realtime.restart.attempts", "0");
    return RealtimeConfig.from(Settings.of(keys, "parity", Map.of(), Map.of()));
  }

  private static JobClient start(RealtimeConfig rt, boolean fundFlow) throws Exception {
    StreamExecutionEnvironment env = JobEnvironment.create(rt);
    if (fundFlow) {
      FundFlowJob.build(env, rt);
      return env.executeAsync(FundFlowJob.NAME);
    }
    AdvisoryJob.build(env, rt);
    return env.executeAsync(AdvisoryJob.NAME);
  }

  private static byte[] message(String table, String op, Map<String, String> before, Map<String, String> after) {
    return message(table, op, before, after, ++scn);
  }

  /** A Debezium message (no schema wrapper, NUMBER as text) at SCN {@code position}. */
  private static byte[] message(
      String table, String op, Map<String, String> before, Map<String, String> after, long position) {
    ObjectNode root = JSON.createObjectNode();
    root.set("before", before == null ? null : JSON.valueToTree(before));
    root.set("after", after == null ? null : JSON.valueToTree(after));
    ObjectNode source = root.putObject("source");
    source.put("connector", "oracle");
    source.put("schema", "CTS");
    source.put("table", table);
    source.put("scn", Long.toString(position));
    source.put("ts_ms", System.currentTimeMillis());
    root.put("op", op);
    root.put("ts_ms", System.currentTimeMillis());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String key(Map<String, String> journalRow) {
    return journalRow.get("INIT_DATE") + "/" + journalRow.get("SERIAL_NO");
  }

  private static void journal(String op, Map<String, String> before, Map<String, String> after) throws Exception {
    Map<String, String> row = after != null ? after : before;
    send(Topics.ODS_FUND_JOURNAL, key(row), message("FUND_JOURNAL", op, before, after));
  }

  private static void advisory(String topic, String table, String keyColumn, String op,
      Map<String, String> before, Map<String, String> after) throws Exception {
    Map<String, String> row = after != null ? after : before;
    send(topic, row.get(keyColumn), message(table, op, before, after));
  }

  private static RecordMetadata send(String topic, String key, byte[] value) throws Exception {
    return producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  /** True when the job's consumer group has committed past every offset in {@code last}. */
  private static boolean committed(RealtimeConfig rt, Map<TopicPartition, Long> last) {
    try {
      for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
        if (!g.groupId().startsWith(rt.kafkaGroupId() + "-")) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get();
        if (last.entrySet().stream()
            .allMatch(e -> offsets.get(e.getKey()) != null && offsets.get(e.getKey()).offset() > e.getValue())) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every final entry served with its final amount, the deleted ones gone, the entry counts final. */
  private static boolean streamSettled(Day d) {
    try {
      for (FundJournalEntry e : d.finalJournal()) {
        Cell c = cell(HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(d.flow(e)), FundFlowRows.FLOW_CELL);
        if (c == null
            || FundFlowJson.decode(CellUtil.cloneValue(c)).occurBalance().compareTo(e.occurBalance()) != 0) {
          return false;
        }
      }
      for (FundJournalEntry e : List.of(d.e4Deleted, d.e7Deleted)) {
        if (cell(HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(d.flow(e)), FundFlowRows.FLOW_CELL) != null) {
          return false;
        }
      }
      Map<CustomerDayKey, CustomerDaySummary> expected =
          CustomerDaySummaries.of(d.finalJournal().stream().map(d::flow).toList());
      for (CustomerDaySummary s : expected.values()) {
        Cell c = cell(HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRows.rowKey(s.key()), CustomerDayRows.SUMMARY_CELL);
        if (c == null || CustomerDaySummaryJson.decode(CellUtil.cloneValue(c)).entryCount() != s.entryCount()) {
          return false;
        }
      }
      return servedSummary(new CustomerDayKey(d.c4.clientId(), d.day, MoneyType.CNY)).isEmpty();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stream's ADS row of the portfolio carries the final orders (ADD 250.00, REDEEM deleted). */
  private static boolean adsSettled(Day d) {
    try {
      List<Object> row = ads(d).get(d.portfolio);
      return row != null
          && new BigDecimal("250.00").compareTo((BigDecimal) row.get(6)) == 0
          && new BigDecimal("0.00").compareTo((BigDecimal) row.get(7)) == 0
          && new BigDecimal("1250.00").compareTo((BigDecimal) row.get(9)) == 0
          && ((Number) row.get(3)).longValue() == 1;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for {@code condition}; a failed job ends the wait with the job's own failure. */
  private static void await(String what, List<JobClient> jobs, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      for (JobClient j : jobs) {
        if (j.getJobStatus().get().isGloballyTerminalState()) {
          try {
            j.getJobExecutionResult().get();
          } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a stream job failed while waiting for " + what, e);
          }
          throw new AssertionError("a stream job ended while waiting for " + what);
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  // ---------------------------------------------------------------- batch side

  private static CorrectionReport runBatch(Day d, Path csv) throws Exception {
    String runId = "parity-" + d.prefix + "-" + System.nanoTime();
    return new CorrectionJob(config, System.out)
        .run(spark, new CorrectionJob.Request(d.day, new SourceSpec(csv), false, runId, tmp.resolve(runId + ".json")));
  }

  private static Path writeCsv(Day d, List<Map<String, String>> contracts, List<Map<String, String>> orders)
      throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("csv-" + d.prefix));
    Files.writeString(folder.resolve("FUND_JOURNAL.csv"),
        DayScenario.csv(d.finalJournal().stream().map(DayScenario::text).toList()));
    Files.writeString(folder.resolve("CUSTOMER.csv"),
        DayScenario.csv(d.customers().stream().map(DayScenario::text).toList()));
    Files.writeString(folder.resolve("CHANNEL.csv"), DayScenario.csv(List.of(DayScenario.text(CHANNEL))));
    Files.writeString(folder.resolve("ADVISORY_CONTRACT.csv"), DayScenario.csv(contracts));
    Files.writeString(folder.resolve("ADVISORY_ORDER.csv"), DayScenario.csv(orders));
    return folder;
  }

  /** Deletes the day's detail and summary rows below the correction range (all stream versions). */
  private static void deleteServed(Day d) throws Exception {
    try (Connection c = hbase()) {
      try (Table t = c.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))) {
        for (FundJournalEntry e : d.finalJournal()) {
          t.delete(new Delete(FundFlowRows.rowKey(d.flow(e)))
              .addFamily(HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8), CellVersion.CORRECTION_BASE - 1));
        }
      }
      try (Table t = c.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
        for (Customer cu : d.customers()) {
          t.delete(new Delete(CustomerDayRows.rowKey(new CustomerDayKey(cu.clientId(), d.day, MoneyType.CNY)))
              .addFamily(HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8), CellVersion.CORRECTION_BASE - 1));
        }
      }
    }
    assertTrue(detailCells(d).isEmpty(), "the day's detail rows are gone before the batch writes them");
  }

  // ---------------------------------------------------------------- served rows

  private static Connection hbase() throws Exception {
    return ConnectionFactory.createConnection(new HBaseClientSettings(stack.hbase()).toConfiguration());
  }

  private static Cell cell(String table, byte[] row, String qualifier) throws Exception {
    try (Connection c = hbase(); Table t = c.getTable(HBaseMutations.tableName(table))) {
      return t.get(new Get(row)).getColumnLatestCell(
          HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8), qualifier.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The served detail cells of the day's final entries, by serial number. */
  private static Map<String, byte[]> detailCells(Day d) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    for (FundJournalEntry e : d.finalJournal()) {
      Cell c = cell(HBaseLayout.FUND_FLOW_TABLE, FundFlowRows.rowKey(d.flow(e)), FundFlowRows.FLOW_CELL);
      if (c != null) {
        out.put("flow " + e.serialNo(), CellUtil.cloneValue(c));
      }
    }
    return out;
  }

  /** The summary HBase serves for a customer-day: none when absent or the stream's empty cell. */
  private static Optional<CustomerDaySummary> servedSummary(CustomerDayKey key) throws Exception {
    Cell c = cell(HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRows.rowKey(key), CustomerDayRows.SUMMARY_CELL);
    return CustomerDayRows.summary(c == null ? null : CellUtil.cloneValue(c));
  }

  /** The served summary cells of the day's customers, by client (a day without entries has none). */
  private static Map<String, byte[]> summaryCells(Day d) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    for (Customer cu : d.customers()) {
      Cell c = cell(HBaseLayout.CUSTOMER_DAY_TABLE,
          CustomerDayRows.rowKey(new CustomerDayKey(cu.clientId(), d.day, MoneyType.CNY)),
          CustomerDayRows.SUMMARY_CELL);
      if (c != null && c.getValueLength() > 0) {
        out.put("summary " + cu.clientId(), CellUtil.cloneValue(c));
      }
    }
    return out;
  }

  private static void assertCellsEqual(Map<String, byte[]> stream, Map<String, byte[]> batch) {
    assertFalse(stream.isEmpty());
    assertEquals(stream.keySet(), batch.keySet());
    stream.forEach((k, v) -> assertArrayEquals(v, batch.get(k),
        () -> k + ": stream " + new String(v, StandardCharsets.UTF_8)
            + " batch " + new String(batch.get(k), StandardCharsets.UTF_8)));
  }

  /** The ADS rows of the day's portfolios (every metric column, SOURCE and UPDATED_AT excluded). */
  private static Map<String, List<Object>> ads(Day d) throws Exception {
    Map<String, List<Object>> out = new TreeMap<>();
    try (java.sql.Connection db = db();
        PreparedStatement ps = db.prepareStatement(
            "SELECT PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS, APPLIED_CONTRACTS, SIGNED_CONTRACTS, SIGN_RATE,"
                + " ADDED_CUSTOMERS, ADDED_AMOUNT, REDEEMED_AMOUNT, RETAINED_CUSTOMERS, AUM"
                + " FROM ADS_ADVISORY_DAILY WHERE TRADE_DATE = ? AND PORTFOLIO_CODE LIKE ?")) {
      ps.setInt(1, d.day);
      ps.setString(2, d.prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          row.add(rs.getString(1));
          row.add(rs.getLong(2));
          row.add(rs.getLong(3));
          row.add(rs.getLong(4));
          row.add(rs.getBigDecimal(5));
          row.add(rs.getLong(6));
          row.add(rs.getBigDecimal(7));
          row.add(rs.getBigDecimal(8));
          row.add(rs.getLong(9));
          row.add(rs.getBigDecimal(10));
          out.put(rs.getString(1), row);
        }
      }
    }
    return out;
  }

  private static List<String> adsSources(Day d) throws Exception {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection db = db();
        PreparedStatement ps = db.prepareStatement(
            "SELECT SOURCE FROM ADS_ADVISORY_DAILY WHERE TRADE_DATE = ? AND PORTFOLIO_CODE LIKE ?")) {
      ps.setInt(1, d.day);
      ps.setString(2, d.prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static java.sql.Connection db() throws Exception {
    return DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
  }
}
