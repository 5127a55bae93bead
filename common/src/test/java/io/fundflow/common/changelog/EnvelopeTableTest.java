package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.Messages.bytes;
import static io.fundflow.common.changelog.Messages.debezium;
import static io.fundflow.common.changelog.Messages.goldenGate;
import static io.fundflow.common.changelog.Messages.row;
import static io.fundflow.common.changelog.Messages.wrapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import io.fundflow.common.model.SourceRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each envelope (Debezium bare, Debezium wrapped, GoldenGate) carries each table, for each op. */
class EnvelopeTableTest {

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  /** The record {@link Messages#row} must decode to. */
  static SourceRow expected(SourceTable table) {
    return switch (table) {
      case FUND_JOURNAL ->
          new FundJournalEntry(
              20261119,
              700001,
              LocalDateTime.of(2026, 11, 19, 9, 31, 2, 123_000_000),
              "100200300",
              "600100200300",
              3101,
              MoneyType.CNY,
              2041,
              new BigDecimal("50000.00"),
              new BigDecimal("181234.56"),
              "7",
              "bank transfer in");
      case CUSTOMER ->
          new Customer(
              "100200300",
              "张伟",
              "0",
              "110101198001011234",
              "13812345678",
              3101,
              20190315,
              "0",
              3,
              true);
      case CHANNEL -> new Channel("7", "手机证券", ChannelType.MOBILE);
      case ADVISORY_CONTRACT ->
          new AdvisoryContract(
              "C2026110001",
              "100200300",
              "P001",
              3101,
              LocalDateTime.of(2026, 11, 18, 14, 0),
              LocalDateTime.of(2026, 11, 19, 9, 40, 0, 250_000_000),
              null,
              ContractStatus.SIGNED);
      case ADVISORY_ORDER ->
          new AdvisoryOrder(
              "O2026111900001",
              "C2026110001",
              "100200300",
              "P001",
              OrderType.PURCHASE,
              new BigDecimal("10000.00"),
              LocalDateTime.of(2026, 11, 19, 9, 31, 2, 123_000_000),
              20261119,
              OrderStatus.ACCEPTED);
    };
  }

  private ChangeEvent decode(SourceTable table, ObjectNode message) {
    DecodeResult r = decoder.decode(table.odsTopic(), bytes(message));
    return assertInstanceOf(DecodeResult.Decoded.class, r, r::toString).event();
  }

  @ParameterizedTest
  @EnumSource(SourceTable.class)
  void debeziumInsertUpdateDeleteSnapshot(SourceTable table) {
    SourceRow row = expected(table);
    ChangeEvent c = decode(table, debezium("c", table, null, row(table)));
    assertEquals(table, c.table());
    assertEquals(ChangeOp.INSERT, c.op());
    assertEquals(row, c.after());
    assertNull(c.before());
    assertEquals(new SourcePosition(88000101L, 1795051862500L), c.position());

    ChangeEvent u = decode(table, debezium("u", table, row(table), row(table)));
    assertEquals(ChangeOp.UPDATE, u.op());
    assertEquals(row, u.before());
    assertEquals(row, u.after());

    ChangeEvent d = decode(table, debezium("d", table, row(table), null));
    assertEquals(ChangeOp.DELETE, d.op());
    assertEquals(row, d.before());
    assertNull(d.after());

    ChangeEvent r = decode(table, debezium("r", table, null, row(table)));
    assertEquals(ChangeOp.SNAPSHOT, r.op());
    assertEquals(row, r.after());
  }

  @ParameterizedTest
  @EnumSource(SourceTable.class)
  void debeziumInsideTheSchemaWrapper(SourceTable table) {
    ChangeEvent e = decode(table, wrapped(debezium("c", table, null, row(table)), "2"));
    assertEquals(ChangeOp.INSERT, e.op());
    assertEquals(expected(table), e.after());
  }

  @ParameterizedTest
  @EnumSource(SourceTable.class)
  void goldenGateInsertUpdateDelete(SourceTable table) {
    SourceRow row = expected(table);
    ChangeEvent i = decode(table, goldenGate("I", table, null, row(table)));
    assertEquals(table, i.table());
    assertEquals(ChangeOp.INSERT, i.op());
    assertEquals(row, i.after());
    assertEquals(new SourcePosition(320000004711L, 1795054364500L), i.position());

    ChangeEvent u = decode(table, goldenGate("U", table, row(table), row(table)));
    assertEquals(ChangeOp.UPDATE, u.op());
    assertEquals(row, u.before());
    assertEquals(row, u.after());

    ChangeEvent d = decode(table, goldenGate("D", table, row(table), null));
    assertEquals(ChangeOp.DELETE, d.op());
    assertEquals(row, d.before());
    assertNull(d.after());
  }

  @ParameterizedTest
  @EnumSource(SourceTable.class)
  void anUpdateWithoutBeforeImageDecodesWithNullBefore(SourceTable table) {
    assertNull(decode(table, debezium("u", table, null, row(table))).before());
    assertNull(decode(table, goldenGate("U", table, null, row(table))).before());
  }

  @Test
  void anUpdateWithAPartialBeforeImageKeepsTheChangeAndDropsTheBefore() {
    ObjectNode keysOnly = Messages.JSON.createObjectNode();
    keysOnly.put("INIT_DATE", 20261119).put("SERIAL_NO", 700001).put("REMARK", "old");
    ChangeEvent e =
        decode(
            SourceTable.FUND_JOURNAL,
            goldenGate("U", SourceTable.FUND_JOURNAL, keysOnly, row(SourceTable.FUND_JOURNAL)));
    assertNull(e.before());
    assertEquals(expected(SourceTable.FUND_JOURNAL), e.after());
  }

  @Test
  void anUpdateWithACorruptBeforeImageIsRejected() {
    ObjectNode before = row(SourceTable.FUND_JOURNAL).put("OCCUR_BALANCE", "1.234");
    DecodeResult r =
        decoder.decode(
            "ods.fund_journal",
            bytes(debezium("u", SourceTable.FUND_JOURNAL, before, row(SourceTable.FUND_JOURNAL))));
    Rejection rejection = assertInstanceOf(DecodeResult.Rejected.class, r).rejection();
    assertEquals(RejectReason.BAD_DECIMAL, rejection.reason());
    assertEquals(
        "FUND_JOURNAL before.OCCUR_BALANCE = \"1.234\" has more than 2 decimals",
        rejection.message());
  }

  @Test
  void anInsertCarryingABeforeImageIgnoresIt() {
    ObjectNode junk = Messages.JSON.createObjectNode().put("X", 1);
    ChangeEvent e =
        decode(
            SourceTable.CHANNEL,
            debezium("c", SourceTable.CHANNEL, junk, row(SourceTable.CHANNEL)));
    assertNull(e.before());
  }

  @Test
  void debeziumTableFallsBackToTheTopicWhenTheSourceDoesNotNameIt() {
    ObjectNode message = debezium("c", SourceTable.CUSTOMER, null, row(SourceTable.CUSTOMER));
    ((ObjectNode) message.get("source")).remove("table");
    assertEquals(SourceTable.CUSTOMER, decode(SourceTable.CUSTOMER, message).table());
  }

  @Test
  void debeziumSchemaQualifiedAndLowerCaseTableNames() {
    ObjectNode message = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ((ObjectNode) message.get("source")).put("table", "cts.channel");
    assertEquals(SourceTable.CHANNEL, decode(SourceTable.CHANNEL, message).table());
  }

  @Test
  void goldenGateTableFallsBackToTheTopic() {
    ObjectNode message = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    message.remove("table");
    assertEquals(SourceTable.CHANNEL, decode(SourceTable.CHANNEL, message).table());
  }

  @Test
  void debeziumPositionFallsBackToCommitScnThenLsnThenPos() {
    ObjectNode message = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ObjectNode source = (ObjectNode) message.get("source");
    source.remove("scn");
    assertEquals(88000102L, decode(SourceTable.CHANNEL, message).position().position());
    source.remove("commit_scn");
    source.put("lsn", 123456789L);
    assertEquals(123456789L, decode(SourceTable.CHANNEL, message).position().position());
    source.remove("lsn");
    source.put("pos", "4711");
    assertEquals(4711L, decode(SourceTable.CHANNEL, message).position().position());
  }

  @Test
  void debeziumNumericScnAndMissingTsMs() {
    ObjectNode message = debezium("c", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    ObjectNode source = (ObjectNode) message.get("source");
    source.put("scn", 99L);
    source.remove("ts_ms");
    ChangeEvent e = decode(SourceTable.CHANNEL, message);
    assertEquals(new SourcePosition(99L, 0L), e.position());
    assertEquals(0L, e.sourceTimeMillis());
  }

  @Test
  void goldenGateIsoOpTsAndNoOpTs() {
    ObjectNode message = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    message.put("op_ts", "2026-11-19T10:12:44.5");
    assertEquals(1795054364500L, decode(SourceTable.CHANNEL, message).sourceTimeMillis());
    message.remove("op_ts");
    assertEquals(
        new SourcePosition(320000004711L, 0L), decode(SourceTable.CHANNEL, message).position());
  }

  @Test
  void goldenGateOpTsZoneIsConfigurable() {
    ChangeLogDecoder utc = new ChangeLogDecoder(java.time.ZoneOffset.UTC);
    ObjectNode message = goldenGate("I", SourceTable.CHANNEL, null, row(SourceTable.CHANNEL));
    DecodeResult r = utc.decode("ods.channel", bytes(message));
    ChangeEvent e = assertInstanceOf(DecodeResult.Decoded.class, r).event();
    assertEquals(1795054364500L + 8 * 3_600_000L, e.sourceTimeMillis());
  }

  @Test
  void aWrappedNullPayloadIsATombstone() {
    ObjectNode w = Messages.JSON.createObjectNode();
    w.putNull("schema");
    w.putNull("payload");
    assertInstanceOf(DecodeResult.Skipped.class, decoder.decode("ods.fund_journal", bytes(w)));
  }
}
