package io.fundflow.realtime.advisory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fundflow.common.ads.AdvisoryDailyMetrics;
import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.common.names.Topics;
import io.fundflow.realtime.jdbc.AdsAdvisoryDailySink;
import io.fundflow.realtime.jdbc.AdsAdvisoryDailyTable;
import io.fundflow.realtime.jdbc.AdsAdvisoryDailyTable.StoredRow;
import io.fundflow.realtime.jdbc.JdbcSinkSettings;
import io.fundflow.realtime.kafka.KafkaMessage;
import io.fundflow.realtime.testing.CollectingSink;
import io.fundflow.realtime.kafka.OdsRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole advisory pipeline in a MiniCluster: Debezium and GoldenGate change-log bytes in, the
 * real JDBC sink into H2 (Oracle mode) and a collecting Kafka-message sink out.
 */
class AdvisoryPipelineTest {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final String CONTRACTS = Topics.ODS_ADVISORY_CONTRACT;
  private static final String ORDERS = Topics.ODS_ADVISORY_ORDER;
  private static final LocalDateTime DAY1 = LocalDateTime.of(2026, 11, 19, 9, 40);
  private static final LocalDateTime DAY2 = LocalDateTime.of(2026, 11, 20, 10, 0);

  private String url;
  private Connection db;
  private final List<OdsRecord> input = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    url = "jdbc:h2:mem:advisory-" + System.nanoTime() + ";MODE=Oracle;DB_CLOSE_DELAY=-1";
    db = DriverManager.getConnection(url);
    AdsAdvisoryDailyTable.create(db);
  }

  @AfterEach
  void close() throws Exception {
    db.createStatement().execute("SHUTDOWN");
    db.close();
  }

  @Test
  void changeLogToAdsRowsDwdEventsAndDeadLetters() throws Exception {
    // Day 1, portfolio P1: C1 applied then signed; a purchase (GoldenGate) and an add.
    send(
        CONTRACTS,
        debezium("c", null, contract("C1", "K1", "P1", DAY1, null, "APPLIED"), 100, DAY1));
    String signed = contract("C1", "K1", "P1", DAY1, DAY1.plusMinutes(20), "SIGNED");
    send(
        CONTRACTS,
        debezium("u", contract("C1", "K1", "P1", DAY1, null, "APPLIED"), signed, 110, DAY1));
    send(CONTRACTS, debezium("u", null, signed, 110, DAY1)); // a duplicate delivery
    send(ORDERS, goldenGateOrderInsert("O1", "C1", "K1", "P1", "PURCHASE", "10000.00", DAY1, 120));
    send(
        ORDERS,
        debezium("c", null, order("O2", "C1", "K1", "P1", "ADD", "2000.50", DAY1), 130, DAY1));
    // An older version of O2, read late: ignored.
    send(
        ORDERS,
        debezium("c", null, order("O2", "C1", "K1", "P1", "ADD", "9999.00", DAY1), 125, DAY1));
    // Bad input of several kinds, and a Debezium tombstone (skipped, not a dead letter).
    int truncate =
        send(
            ORDERS,
            "{\"table\":\"CTS.ADVISORY_ORDER\",\"op_type\":\"T\",\"op_ts\":\"2026-11-19"
                + " 11:00:00.000000\","
                + "\"current_ts\":\"2026-11-19T11:00:00.100000\",\"pos\":\"00000000320000009000\"}");
    int malformed = send(CONTRACTS, "{\"before\": null, \"after\": {\"CONTRACT_ID\"");
    int missingPortfolio =
        send(
            CONTRACTS,
            debezium("c", null, contract("C9", "K9", null, DAY1, null, "APPLIED"), 140, DAY1));
    input.add(
        new OdsRecord(CONTRACTS, 0, input.size(), 0L, "C1".getBytes(StandardCharsets.UTF_8), null));
    // Day 2: P1 redeems part; P2 gets its first customer.
    send(
        ORDERS,
        debezium("c", null, order("O3", "C1", "K1", "P1", "REDEEM", "500.25", DAY2), 200, DAY2));
    send(
        CONTRACTS,
        debezium(
            "r", null, contract("C2", "K2", "P2", DAY2, DAY2.plusMinutes(5), "SIGNED"), 210, DAY2));

    CollectingSink<KafkaMessage> kafka = new CollectingSink<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // One subtask keeps the input's order across the decode step, so which duplicate is the
    // stale one is deterministic; the keyed state handles any order (see the harness tests).
    env.setParallelism(1);
    new AdvisoryPipeline()
        .build(
            env.fromData(input, TypeInformation.of(OdsRecord.class)),
            AdsAdvisoryDailySink.create(new JdbcSinkSettings(url, null, null, 3, 0, 0)),
            kafka);
    env.execute("advisory pipeline test");

    assertEquals(
        List.of(
            stored(20261119, "P1", 1, 1, 1, "1.0000", 1, "2000.50", "0.00", 1, "12000.50"),
            stored(20261120, "P1", 0, 0, 0, null, 0, "0.00", "500.25", 1, "11500.25"),
            stored(20261120, "P2", 1, 1, 1, "1.0000", 0, "0.00", "0.00", 0, "0.00")),
        AdsAdvisoryDailyTable.rows(db));

    Map<String, List<KafkaMessage>> byTopic =
        kafka.received().stream().collect(Collectors.groupingBy(KafkaMessage::topic));
    // Contracts and orders are separate streams (as their topics are): their interleaving is
    // arbitrary, the order within each table is the source's.
    List<KafkaMessage> events = byTopic.get(Topics.DWD_ADVISORY_EVENT);
    assertEquals(
        List.of("CONTRACT/C1 INSERT 100", "CONTRACT/C1 UPDATE 110", "CONTRACT/C2 SNAPSHOT 210"),
        describeAll(events, "CONTRACT/"));
    assertEquals(
        List.of("ORDER/O1 INSERT 120", "ORDER/O2 INSERT 130", "ORDER/O3 INSERT 200"),
        describeAll(events, "ORDER/"));
    KafkaMessage o2 =
        events.stream()
            .filter(m -> new String(m.key(), StandardCharsets.UTF_8).equals("ORDER/O2"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "{\"table\":\"ADVISORY_ORDER\",\"op\":\"INSERT\",\"position\":130,\"commitTimeMillis\":"
            + Advisory.millis(DAY1)
            + ",\"sourceTimeMillis\":"
            + Advisory.millis(DAY1)
            + ",\"orderId\":\"O2\",\"contractId\":\"C1\",\"clientId\":\"K1\",\"portfolioCode\":\"P1\","
            + "\"orderType\":\"ADD\",\"amount\":\"2000.50\",\"orderTime\":\"2026-11-19T09:40\","
            + "\"tradeDate\":20261119,\"status\":\"ACCEPTED\"}",
        new String(o2.value(), StandardCharsets.UTF_8));

    List<KafkaMessage> dead = byTopic.get(Topics.DLQ_ODS);
    assertEquals(
        List.of(
            ORDERS + "@" + truncate + " UNSUPPORTED_OP",
            CONTRACTS + "@" + malformed + " MALFORMED_JSON",
            CONTRACTS + "@" + missingPortfolio + " MISSING_COLUMN"),
        dead.stream().map(AdvisoryPipelineTest::deadLetter).toList());
    for (int i = 0; i < dead.size(); i++) {
      int offset = List.of(truncate, malformed, missingPortfolio).get(i);
      assertArrayEquals(input.get(offset).value, dead.get(i).value(), "original bytes kept");
    }
    assertEquals(2, byTopic.size(), "only dwd.advisory_event and dlq.ods: " + byTopic.keySet());
  }

  // --- input -----------------------------------------------------------------------------------

  /** Adds a record on {@code topic} (offsets are the input index) and returns its offset. */
  private int send(String topic, String json) {
    int offset = input.size();
    input.add(new OdsRecord(topic, 0, offset, 0L, null, json.getBytes(StandardCharsets.UTF_8)));
    return offset;
  }

  private static String debezium(
      String op, String before, String after, long scn, LocalDateTime committed) {
    long ts = Advisory.millis(committed);
    return "{\"before\":"
        + before
        + ",\"after\":"
        + after
        + ",\"source\":{\"connector\":\"oracle\",\"name\":\"cts\",\"ts_ms\":"
        + ts
        + ",\"schema\":\"CTS\",\"table\":\""
        + (after != null && after.contains("ORDER_ID") ? "ADVISORY_ORDER" : "ADVISORY_CONTRACT")
        + "\",\"scn\":\""
        + scn
        + "\"},\"op\":\""
        + op
        + "\",\"ts_ms\":"
        + (ts + 100)
        + "}";
  }

  private static String goldenGateOrderInsert(
      String id,
      String contract,
      String client,
      String portfolio,
      String type,
      String amount,
      LocalDateTime at,
      long pos) {
    String local = at.toString().replace('T', ' ') + ":00.000000";
    return "{\"table\":\"CTS.ADVISORY_ORDER\",\"op_type\":\"I\",\"op_ts\":\""
        + local
        + "\",\"current_ts\":\""
        + at
        + ":01.000000\",\"pos\":\""
        + String.format("%020d", pos)
        + "\",\"after\":{\"ORDER_ID\":\""
        + id
        + "\",\"CONTRACT_ID\":\""
        + contract
        + "\",\"CLIENT_ID\":\""
        + client
        + "\",\"PORTFOLIO_CODE\":\""
        + portfolio
        + "\",\"ORDER_TYPE\":\""
        + type
        + "\",\"AMOUNT\":\""
        + amount
        + "\",\"ORDER_TIME\":\""
        + local
        + "\",\"TRADE_DATE\":"
        + Advisory.yyyymmdd(at)
        + ",\"STATUS\":\"ACCEPTED\"}}";
  }

  private static String contract(
      String id,
      String client,
      String portfolio,
      LocalDateTime applied,
      LocalDateTime signed,
      String status) {
    return "{\"CONTRACT_ID\":\""
        + id
        + "\",\"CLIENT_ID\":\""
        + client
        + "\",\"PORTFOLIO_CODE\":"
        + (portfolio == null ? "null" : "\"" + portfolio + "\"")
        + ",\"BRANCH_NO\":3101,"
        + "\"APPLY_TIME\":"
        + Advisory.millis(applied)
        + ",\"SIGN_TIME\":"
        + (signed == null ? "null" : Long.toString(Advisory.millis(signed)))
        + ",\"TERMINATE_TIME\":null,\"STATUS\":\""
        + status
        + "\"}";
  }

  private static String order(
      String id,
      String contract,
      String client,
      String portfolio,
      String type,
      String amount,
      LocalDateTime at) {
    return "{\"ORDER_ID\":\""
        + id
        + "\",\"CONTRACT_ID\":\""
        + contract
        + "\",\"CLIENT_ID\":\""
        + client
        + "\",\"PORTFOLIO_CODE\":\""
        + portfolio
        + "\",\"ORDER_TYPE\":\""
        + type
        + "\",\"AMOUNT\":\""
        + amount
        + "\",\"ORDER_TIME\":"
        + Advisory.millis(at)
        + ",\"TRADE_DATE\":\""
        + Advisory.yyyymmdd(at)
        + "\",\"STATUS\":\"ACCEPTED\"}";
  }

  // --- output ----------------------------------------------------------------------------------

  private static StoredRow stored(
      int date,
      String portfolio,
      long newSigned,
      long applied,
      long signed,
      String rate,
      long addedCustomers,
      String added,
      String redeemed,
      long retained,
      String aum) {
    return new StoredRow(
        new AdvisoryDailyMetrics(
            date,
            portfolio,
            newSigned,
            applied,
            signed,
            rate == null ? null : new BigDecimal(rate),
            addedCustomers,
            new BigDecimal(added),
            new BigDecimal(redeemed),
            retained,
            new BigDecimal(aum)),
        true,
        "STREAM");
  }

  private static List<String> describeAll(List<KafkaMessage> messages, String keyPrefix) {
    return messages.stream()
        .map(AdvisoryPipelineTest::describe)
        .filter(d -> d.startsWith(keyPrefix))
        .toList();
  }

  private static String describe(KafkaMessage m) {
    String json = new String(m.value(), StandardCharsets.UTF_8);
    String op = json.replaceAll(".*\"op\":\"(\\w+)\".*", "$1");
    String position = json.replaceAll(".*\"position\":(\\d+).*", "$1");
    return new String(m.key(), StandardCharsets.UTF_8) + " " + op + " " + position;
  }

  private static String deadLetter(KafkaMessage m) {
    return header(m, DeadLetter.HEADER_SOURCE_TOPIC)
        + "@"
        + header(m, DeadLetter.HEADER_SOURCE_OFFSET)
        + " "
        + header(m, DeadLetter.HEADER_REASON);
  }

  private static String header(KafkaMessage m, String name) {
    return new String(m.headers().get(name), StandardCharsets.UTF_8);
  }
}
