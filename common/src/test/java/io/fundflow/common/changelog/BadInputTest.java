package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.Messages.bytes;
import static io.fundflow.common.changelog.Messages.debezium;
import static io.fundflow.common.changelog.Messages.goldenGate;
import static io.fundflow.common.changelog.Messages.row;
import static io.fundflow.common.changelog.Messages.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Records that cannot be applied are rejected with the right reason and a useful message. */
class BadInputTest {

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  private Rejection rejected(String topic, byte[] value) {
    DecodeResult r = decoder.decode(topic, value);
    return assertInstanceOf(DecodeResult.Rejected.class, r, r::toString).rejection();
  }

  private Rejection rejected(SourceTable table, ObjectNode message) {
    return rejected(table.odsTopic(), bytes(message));
  }

  private static void assertReason(RejectReason reason, Rejection r, String... mentions) {
    assertEquals(reason, r.reason(), r.message());
    for (String m : mentions) {
      assertTrue(r.message().contains(m), () -> "'" + m + "' not in: " + r.message());
    }
  }

  // --- not JSON ------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"before\": null, \"after\": {\"INIT_DATE\": 2026",
        "{",
        "hello",
        "[1,2,3]",
        "\"a string\"",
        "42",
        "null",
        "true",
        "   ",
        "{\"op\":\"c\"} {\"op\":\"c\"}",
        "{\"op\":\"c\",}",
        "{'op':'c'}"
      })
  void malformedJson(String text) {
    assertReason(RejectReason.MALFORMED_JSON, rejected("ods.fund_journal", utf8(text)));
  }

  @Test
  void aTruncatedValidMessageIsMalformed() {
    byte[] whole =
        bytes(debezium("c", SourceTable.FUND_JOURNAL, null, row(SourceTable.FUND_JOURNAL)));
    for (int cut = 1; cut < whole.length; cut += 7) {
      byte[] part = java.util.Arrays.copyOf(whole, cut);
      assertReason(RejectReason.MALFORMED_JSON, rejected("ods.fund_journal", part));
    }
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] bad = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertReason(RejectReason.MALFORMED_JSON, rejected("ods.fund_journal", bad));
  }

  @Test
  void deeplyNestedJsonIsRejectedNotAStackOverflow() {
    String deep = "{\"op\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertReason(RejectReason.MALFORMED_JSON, rejected("ods.fund_journal", utf8(deep)));
  }

  // --- not an envelope, unknown table, unsupported op ----------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"a\":1}",
        "{\"schema\":{},\"payload\":{\"after\":{}}}",
        "{\"payload\":[]}"
      })
  void jsonThatIsNeitherEnvelope(String text) {
    assertReason(RejectReason.UNKNOWN_ENVELOPE, rejected("ods.fund_journal", utf8(text)));
  }

  @Test
  void unknownTables() {
    ObjectNode dbz = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ((ObjectNode) dbz.get("source")).put("table", "ORDERS");
    assertReason(RejectReason.UNKNOWN_TABLE, rejected(SourceTable.CHANNEL, dbz), "ORDERS");

    ObjectNode gg = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    gg.put("table", "CTS.ORDERS");
    assertReason(RejectReason.UNKNOWN_TABLE, rejected(SourceTable.CHANNEL, gg), "CTS.ORDERS");

    ObjectNode noTable = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ((ObjectNode) noTable.get("source")).remove("table");
    assertReason(RejectReason.UNKNOWN_TABLE, rejected("ods.orders", bytes(noTable)), "ods.orders");
    assertReason(RejectReason.UNKNOWN_TABLE, rejected(null, bytes(noTable)));

    ObjectNode numericTable = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    numericTable.put("table", 7);
    assertReason(RejectReason.UNKNOWN_TABLE, rejected(SourceTable.CHANNEL, numericTable));
  }

  @Test
  void goldenGateTruncateAndUnknownOps() {
    assertReason(
        RejectReason.UNSUPPORTED_OP,
        rejected(SourceTable.FUND_JOURNAL, goldenGate("T", SourceTable.FUND_JOURNAL, null, null)),
        "truncate");
    assertReason(
        RejectReason.UNSUPPORTED_OP,
        rejected(
            SourceTable.FUND_JOURNAL,
            goldenGate("X", SourceTable.FUND_JOURNAL, null, row(SourceTable.FUND_JOURNAL))),
        "\"X\"");
    ObjectNode numericOp = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    numericOp.put("op_type", 1);
    assertReason(RejectReason.WRONG_TYPE, rejected(SourceTable.CHANNEL, numericOp), "op_type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"t", "m", "C", "x", ""})
  void debeziumOpsThatAreNotApplied(String op) {
    assertReason(
        RejectReason.UNSUPPORTED_OP,
        rejected(
            SourceTable.CHANNEL,
            debezium(op, SourceTable.CHANNEL, null, row(SourceTable.CHANNEL))));
  }

  @Test
  void debeziumOpThatIsNotText() {
    ObjectNode m = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    m.put("op", 1);
    assertReason(RejectReason.WRONG_TYPE, rejected(SourceTable.CHANNEL, m), "op");
  }

  // --- images --------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(SourceTable.class)
  void aDeleteWithoutBeforeImage(SourceTable table) {
    assertReason(
        RejectReason.MISSING_IMAGE,
        rejected(table, debezium("d", table, null, row(table))),
        "DELETE",
        "before");
    assertReason(
        RejectReason.MISSING_IMAGE, rejected(table, goldenGate("D", table, null, null)), "before");
  }

  @ParameterizedTest
  @EnumSource(SourceTable.class)
  void insertsUpdatesAndSnapshotsWithoutAfterImage(SourceTable table) {
    for (String op : List.of("c", "u", "r")) {
      assertReason(
          RejectReason.MISSING_IMAGE,
          rejected(table, debezium(op, table, row(table), null)),
          "after");
    }
    assertReason(RejectReason.MISSING_IMAGE, rejected(table, goldenGate("I", table, null, null)));
    assertReason(
        RejectReason.MISSING_IMAGE, rejected(table, goldenGate("U", table, row(table), null)));
  }

  @Test
  void anImageThatIsNotAnObject() {
    ObjectNode m = debezium("c", SourceTable.CHANNEL, null, null);
    m.putArray("after").add(1);
    assertReason(RejectReason.WRONG_TYPE, rejected(SourceTable.CHANNEL, m), "after image");
    ObjectNode d = debezium("d", SourceTable.CHANNEL, null, null);
    d.put("before", "row");
    assertReason(RejectReason.WRONG_TYPE, rejected(SourceTable.CHANNEL, d), "before image");
  }

  // --- keys and required columns -------------------------------------------------------------

  static final Map<SourceTable, List<String>> KEYS =
      Map.of(
          SourceTable.FUND_JOURNAL, List.of("INIT_DATE", "SERIAL_NO"),
          SourceTable.CUSTOMER, List.of("CLIENT_ID"),
          SourceTable.CHANNEL, List.of("CHANNEL_CODE"),
          SourceTable.ADVISORY_CONTRACT, List.of("CONTRACT_ID"),
          SourceTable.ADVISORY_ORDER, List.of("ORDER_ID"));

  static final Map<SourceTable, List<String>> REQUIRED =
      Map.of(
          SourceTable.FUND_JOURNAL,
          List.of(
              "OCCUR_TIME",
              "CLIENT_ID",
              "FUND_ACCOUNT",
              "BRANCH_NO",
              "MONEY_TYPE",
              "BUSINESS_FLAG",
              "OCCUR_BALANCE",
              "POST_BALANCE"),
          SourceTable.CUSTOMER,
          List.of("BRANCH_NO", "OPEN_DATE", "CLIENT_STATUS", "RISK_LEVEL", "KEY_CLIENT"),
          SourceTable.CHANNEL,
          List.of("CHANNEL_NAME", "CHANNEL_TYPE"),
          SourceTable.ADVISORY_CONTRACT,
          List.of("CLIENT_ID", "PORTFOLIO_CODE", "BRANCH_NO", "APPLY_TIME", "STATUS"),
          SourceTable.ADVISORY_ORDER,
          List.of(
              "CONTRACT_ID",
              "CLIENT_ID",
              "PORTFOLIO_CODE",
              "ORDER_TYPE",
              "AMOUNT",
              "ORDER_TIME",
              "TRADE_DATE",
              "STATUS"));

  static List<Arguments> keyColumns() {
    return KEYS.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(c -> Arguments.of(e.getKey(), c)))
        .toList();
  }

  static List<Arguments> requiredColumns() {
    return REQUIRED.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(c -> Arguments.of(e.getKey(), c)))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("keyColumns")
  void missingOrNullKeyColumns(SourceTable table, String column) {
    ObjectNode absent = row(table);
    absent.remove(column);
    assertReason(
        RejectReason.MISSING_KEY, rejected(table, debezium("c", table, null, absent)), column);
    ObjectNode nulled = row(table);
    nulled.putNull(column);
    assertReason(
        RejectReason.MISSING_KEY, rejected(table, goldenGate("I", table, null, nulled)), column);
    // A delete needs the key of its before image as much as an insert of its after image.
    assertReason(
        RejectReason.MISSING_KEY, rejected(table, debezium("d", table, absent, null)), column);
  }

  @ParameterizedTest
  @EnumSource(
      value = SourceTable.class,
      names = {"CUSTOMER", "CHANNEL", "ADVISORY_CONTRACT", "ADVISORY_ORDER"})
  void aBlankTextKeyIsMissing(SourceTable table) {
    ObjectNode blank = row(table);
    blank.put(KEYS.get(table).get(0), "   ");
    assertReason(RejectReason.MISSING_KEY, rejected(table, debezium("c", table, null, blank)));
  }

  @ParameterizedTest
  @MethodSource("requiredColumns")
  void missingOrNullRequiredColumns(SourceTable table, String column) {
    ObjectNode absent = row(table);
    absent.remove(column);
    assertReason(
        RejectReason.MISSING_COLUMN,
        rejected(table, debezium("c", table, null, absent)),
        column,
        "after");
    ObjectNode nulled = row(table);
    nulled.putNull(column);
    assertReason(
        RejectReason.MISSING_COLUMN,
        rejected(table, goldenGate("D", table, nulled, null)),
        column,
        "before");
  }

  @Test
  void aMissingKeyIsReportedBeforeOtherProblems() {
    ObjectNode after = row(SourceTable.FUND_JOURNAL);
    after.remove("CLIENT_ID");
    after.put("OCCUR_BALANCE", "x");
    after.remove("SERIAL_NO");
    Rejection r =
        rejected(SourceTable.FUND_JOURNAL, debezium("c", SourceTable.FUND_JOURNAL, null, after));
    assertEquals(
        new Rejection(
            RejectReason.MISSING_KEY,
            "FUND_JOURNAL after.SERIAL_NO (key column) is missing or null"),
        r);
  }

  // --- positions and envelope metadata ---------------------------------------------------------

  @Test
  void debeziumWithoutAnyPosition() {
    ObjectNode m = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ObjectNode source = (ObjectNode) m.get("source");
    source.remove("scn");
    source.remove("commit_scn");
    assertReason(RejectReason.MISSING_POSITION, rejected(SourceTable.CHANNEL, m), "scn");
    m.remove("source");
    assertReason(RejectReason.MISSING_POSITION, rejected(SourceTable.CHANNEL, m));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"abc\"", "\"-5\"", "-5", "1.5", "\"99999999999999999999\"", "{}", "\"\""})
  void debeziumScnThatIsNoPosition(String scn) {
    ObjectNode m = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ((ObjectNode) m.get("source")).set("scn", Messages.literal(scn));
    assertReason(RejectReason.MISSING_POSITION, rejected(SourceTable.CHANNEL, m), "scn");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"0000000032000000471x\"",
        "\"99999999999999999999\"",
        "\"\"",
        "-1",
        "\" 123\"",
        "true"
      })
  void goldenGatePosThatIsNoPosition(String pos) {
    ObjectNode m = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    m.set("pos", Messages.literal(pos));
    assertReason(RejectReason.MISSING_POSITION, rejected(SourceTable.CHANNEL, m), "pos");
  }

  @Test
  void goldenGateWithoutPos() {
    ObjectNode m = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    m.remove("pos");
    assertReason(RejectReason.MISSING_POSITION, rejected(SourceTable.CHANNEL, m), "absent");
  }

  @Test
  void goldenGateImpossibleOpTs() {
    ObjectNode m = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    m.put("op_ts", "2026-02-30 10:00:00.000000");
    assertReason(RejectReason.BAD_DATE, rejected(SourceTable.CHANNEL, m), "op_ts", "2026-02-30");
  }

  @Test
  void debeziumSourceTimeThatIsNotMillis() {
    ObjectNode m = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ((ObjectNode) m.get("source")).put("ts_ms", "yesterday");
    assertReason(RejectReason.WRONG_TYPE, rejected(SourceTable.CHANNEL, m), "ts_ms");
    ObjectNode s = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    s.put("source", "oracle");
    assertReason(RejectReason.WRONG_TYPE, rejected(SourceTable.CHANNEL, s), "source");
  }
}
