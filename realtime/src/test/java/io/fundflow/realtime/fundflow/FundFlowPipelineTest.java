package io.fundflow.realtime.fundflow;

import static io.fundflow.realtime.testing.DebeziumJson.message;
import static io.fundflow.realtime.testing.Rows.channel;
import static io.fundflow.realtime.testing.Rows.customer;
import static io.fundflow.realtime.testing.Rows.journal;
import static io.fundflow.realtime.testing.Rows.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.deadletter.DeadLetter;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.names.Topics;
import io.fundflow.realtime.kafka.KafkaMessage;
import io.fundflow.realtime.kafka.OdsRecord;
import io.fundflow.realtime.testing.CollectingSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the whole fund-flow pipeline on a Flink MiniCluster with an in-memory change log and
 * collecting sinks: the same code as production, with sources and sinks swapped.
 */
class FundFlowPipelineTest {

  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  private static final String C1 = "100200300";
  private static final String C2 = "100200301";

  private static final CollectingSink<RowMutation> HBASE = new CollectingSink<>();
  private static final CollectingSink<KafkaMessage> KAFKA = new CollectingSink<>();

  @BeforeAll
  static void runPipeline() throws Exception {
    List<OdsRecord> log = new ArrayList<>();
    long offset = 0;
    log.add(ods(Topics.ODS_CHANNEL, message("CHANNEL", "r", null, channel("7", "手机银行"), 10), offset++));
    log.add(ods(Topics.ODS_CUSTOMER, message("CUSTOMER", "r", null, customer(C1, "张伟", 3), 11), offset++));
    Map<String, Object> e1 = journal(700001, C1, 2041, "50000.00");
    Map<String, Object> e1b = with(e1, "OCCUR_BALANCE", "5000.00");
    Map<String, Object> e2 = journal(700002, C1, 4201, "-12.35");
    Map<String, Object> e3 = journal(700003, C1, 2042, "-20000.00");
    Map<String, Object> e4 = journal(700004, C1, 9999, "1.00");
    Map<String, Object> e5 = journal(700005, C1, 2041, "-5.00");
    Map<String, Object> e6 = journal(700006, C2, 4002, "300.00");
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e1, 100), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e2, 150), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e2, 150), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "u", e1, e1b, 200), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e1, 90), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e3, 300), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "d", e3, null, 400), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, null, offset++)); // Debezium tombstone after the delete
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e3, 310), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e4, 500), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e5, 600), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, e6, 700), offset++));
    log.add(ods(Topics.ODS_FUND_JOURNAL, "{\"before\": null, \"after\": {".getBytes(StandardCharsets.UTF_8), offset++));
    log.add(
        ods(
            Topics.ODS_FUND_JOURNAL,
            ("{\"table\":\"CTS.FUND_JOURNAL\",\"op_type\":\"T\",\"op_ts\":\"2026-11-19 10:00:00.000000\","
                    + "\"current_ts\":\"2026-11-19 10:00:00.100000\",\"pos\":\"00000000020000009999\"}")
                .getBytes(StandardCharsets.UTF_8),
            offset++));
    Map<String, Object> tooLongRemark = with(journal(700007, C1, 2041, "1.00"), "REMARK", "x".repeat(201));
    log.add(ods(Topics.ODS_FUND_JOURNAL, message("FUND_JOURNAL", "c", null, tooLongRemark, 800), offset++));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // Summaries wait for the emit interval: the bounded input ends first, so the summaries come from
    // the emission at the end of input.
    new FundFlowPipeline(Duration.ofDays(14), Duration.ofMinutes(10))
        .build(env.fromData(TypeInformation.of(OdsRecord.class), log.toArray(OdsRecord[]::new)), HBASE, KAFKA);
    env.execute("fund-flow pipeline test");
  }

  private static OdsRecord ods(String topic, byte[] value, long offset) {
    return new OdsRecord(topic, 0, offset, 0L, null, value);
  }

  /** The last write of each row, in arrival order: what HBase serves, since versions rise per row. */
  private static Map<String, RowMutation> lastWritePerRow(String table) {
    Map<String, RowMutation> last = new LinkedHashMap<>();
    for (RowMutation m : HBASE.received()) {
      if (m.table().equals(table)) {
        last.put(HexFormat.of().formatHex(m.row()), m);
      }
    }
    return last;
  }

  private static Map<Long, FundFlow> servedFlows() {
    return lastWritePerRow(HBaseLayout.FUND_FLOW_TABLE).values().stream()
        .filter(m -> m.kind() == RowMutation.Kind.PUT)
        .map(m -> FundFlowJson.decode(m.cells().get(FundFlowRows.FLOW_CELL)))
        .collect(Collectors.toMap(FundFlow::serialNo, f -> f));
  }

  private static CustomerDaySummary servedSummary(String client) {
    return lastWritePerRow(HBaseLayout.CUSTOMER_DAY_TABLE).values().stream()
        .filter(m -> m.kind() == RowMutation.Kind.PUT)
        .flatMap(m -> CustomerDayRows.summary(m.cells().get(CustomerDayRows.SUMMARY_CELL)).stream())
        .filter(s -> s.key().clientId().equals(client))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void detailsHoldTheCurrentVersionOfEveryLiveEntry() {
    Map<Long, FundFlow> flows = servedFlows();
    assertEquals(List.of(700001L, 700002L, 700004L, 700005L, 700006L), flows.keySet().stream().sorted().toList());
    assertEquals("5000.00", flows.get(700001L).occurBalance().toPlainString(), "the update wins, the late insert does not");
    assertEquals("-12.35", flows.get(700002L).occurBalance().toPlainString());
  }

  @Test
  void aDeletedEntryIsRemovedAndALateInsertDoesNotBringItBack() {
    String occurTime = (String) journal(700003, C1, 2042, "-20000.00").get("OCCUR_TIME");
    byte[] row =
        FundFlowRowKey.encode(
            C1, java.time.LocalDateTime.parse(occurTime.replace(' ', 'T')), 700003, 20261119);
    RowMutation last = lastWritePerRow(HBaseLayout.FUND_FLOW_TABLE).get(HexFormat.of().formatHex(row));
    assertEquals(RowMutation.Kind.DELETE_ROW, last.kind());
  }

  @Test
  void flowsAreClassifiedAndScrubbed() {
    Map<Long, FundFlow> flows = servedFlows();
    assertEquals(Category.OTHER, flows.get(700004L).category(), "an unknown flag is kept as OTHER");
    assertTrue(flows.get(700005L).signMismatch(), "a negative TRANSFER_IN is flagged, not flipped");
    assertEquals("-5.00", flows.get(700005L).occurBalance().toPlainString());
    assertFalse(flows.get(700001L).remark().contains("6222020200112233"), "card number scrubbed");
  }

  @Test
  void customerDaySummaryReconcilesToTheCent() {
    CustomerDaySummary s = servedSummary(C1);
    // 700001 (5000.00 after its update) + 700004 (1.00) in; 700002 (12.35) + 700005 (5.00) out;
    // 700003 inserted then deleted.
    assertEquals("5001.00", s.inflow().toPlainString());
    assertEquals("17.35", s.outflow().toPlainString());
    assertEquals("4983.65", s.net().toPlainString());
    assertEquals(4, s.entryCount());
    assertEquals("300.00", servedSummary(C2).inflow().toPlainString());
  }

  @Test
  void everySummaryWriteIsVersionedNoLowerThanTheOneBefore() {
    Map<String, Long> lastVersion = new LinkedHashMap<>();
    for (RowMutation m : HBASE.received()) {
      if (m.table().equals(HBaseLayout.CUSTOMER_DAY_TABLE)) {
        String row = HexFormat.of().formatHex(m.row());
        Long before = lastVersion.put(row, m.version());
        assertTrue(before == null || before <= m.version(), "summary versions never go back");
      }
    }
  }

  @Test
  void theManifestRecordsTheDaysBucket() {
    List<RowMutation> manifest =
        HBASE.received().stream().filter(m -> m.table().equals(HBaseLayout.DAY_BUCKET_TABLE)).toList();
    assertFalse(manifest.isEmpty());
    assertTrue(manifest.stream().allMatch(m -> m.cells().containsKey("20261119")));
  }

  @Test
  void badRecordsGoToTheirLayersDeadLetterTopicWithOriginalBytesAndReason() {
    List<KafkaMessage> ods = messages(Topics.DLQ_ODS);
    List<KafkaMessage> dwd = messages(Topics.DLQ_DWD);
    assertEquals(2, ods.size(), "truncated JSON and a GoldenGate truncate");
    assertEquals(
        List.of("MALFORMED_JSON", "UNSUPPORTED_OP"),
        ods.stream().map(m -> header(m, DeadLetter.HEADER_REASON)).sorted().toList());
    assertEquals(1, dwd.size(), "the over-long REMARK breaks a DWD rule");
    assertTrue(new String(dwd.get(0).value(), StandardCharsets.UTF_8).contains("\"SERIAL_NO\":700007"));
    assertEquals(Topics.ODS_FUND_JOURNAL, header(dwd.get(0), DeadLetter.HEADER_SOURCE_TOPIC));
    assertEquals("16", header(dwd.get(0), DeadLetter.HEADER_SOURCE_OFFSET));
  }

  @Test
  void dwdTopicCarriesFlowsAndATombstoneForTheDelete() {
    List<KafkaMessage> dwd = messages(Topics.DWD_FUND_FLOW);
    Map<String, KafkaMessage> last = new LinkedHashMap<>();
    dwd.forEach(m -> last.put(new String(m.key(), StandardCharsets.UTF_8), m));
    assertNull(last.get("20261119/700003").value(), "deleted → tombstone");
    assertEquals(
        "5000.00",
        FundFlowJson.decode(last.get("20261119/700001").value()).occurBalance().toPlainString());
  }

  @Test
  void dwsTopicCarriesTheSummaries() {
    Map<String, byte[]> last = new LinkedHashMap<>();
    for (KafkaMessage m : messages(Topics.DWS_CUSTOMER_DAY)) {
      last.put(new String(m.key(), StandardCharsets.UTF_8), m.value());
    }
    CustomerDaySummary s = CustomerDaySummaryJson.decode(last.get(C1 + "/20261119/CNY"));
    assertEquals("4983.65", s.net().toPlainString());
  }

  private static List<KafkaMessage> messages(String topic) {
    return KAFKA.received().stream().filter(m -> m.topic().equals(topic)).toList();
  }

  private static String header(KafkaMessage m, String name) {
    for (Entry<String, byte[]> h : m.headers().entrySet()) {
      if (h.getKey().equals(name)) {
        return new String(h.getValue(), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
