package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every line of samples/changelog-examples.jsonl decodes to what its README table says. */
class SampleMessagesTest {

  private static List<String> lines;
  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  @BeforeAll
  static void readSamples() throws IOException {
    try (InputStream in =
        SampleMessagesTest.class.getResourceAsStream("/changelog/changelog-examples.jsonl")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertEquals(8, lines.size());
  }

  private ChangeEvent decoded(int line, String topic) {
    DecodeResult r = decoder.decode(topic, lines.get(line - 1).getBytes(StandardCharsets.UTF_8));
    return assertInstanceOf(DecodeResult.Decoded.class, r, () -> "line " + line + ": " + r).event();
  }

  private static FundJournalEntry entry700001(String occur, String post) {
    return new FundJournalEntry(
        20261119,
        700001,
        LocalDateTime.of(2026, 11, 19, 9, 31, 2, 123_000_000),
        "100200300",
        "600100200300",
        3101,
        MoneyType.CNY,
        2041,
        new BigDecimal(occur),
        new BigDecimal(post),
        "7",
        "bank transfer in");
  }

  @Test
  void line1DebeziumInsertWithTextNumbersAndEpochMillis() {
    ChangeEvent e = decoded(1, "ods.fund_journal");
    assertEquals(SourceTable.FUND_JOURNAL, e.table());
    assertEquals(ChangeOp.INSERT, e.op());
    assertNull(e.before());
    assertEquals(entry700001("50000.00", "181234.56"), e.after());
    assertEquals(new SourcePosition(88000101L, 1795051862500L), e.position());
    assertEquals(1795051862500L, e.sourceTimeMillis());
    assertEquals("20261119/700001", e.primaryKey());
  }

  @Test
  void line2DebeziumUpdateWithEpochMicros() {
    ChangeEvent e = decoded(2, "ods.fund_journal");
    assertEquals(ChangeOp.UPDATE, e.op());
    assertEquals(entry700001("50000.00", "181234.56"), e.before());
    assertEquals(entry700001("5000.00", "136234.56"), e.after());
    assertEquals(new SourcePosition(88000207L, 1795051862500L), e.position());
  }

  @Test
  void line3DebeziumDeleteCarriesTheBeforeImage() {
    ChangeEvent e = decoded(3, "ods.fund_journal");
    assertEquals(ChangeOp.DELETE, e.op());
    assertEquals(entry700001("5000.00", "136234.56"), e.before());
    assertNull(e.after());
    assertEquals(new SourcePosition(88000350L, 1795051862500L), e.position());
  }

  @Test
  void line4DebeziumSnapshotReadOfACustomer() {
    ChangeEvent e = decoded(4, "ods.customer");
    assertEquals(SourceTable.CUSTOMER, e.table());
    assertEquals(ChangeOp.SNAPSHOT, e.op());
    assertNull(e.before());
    assertEquals(
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
            true),
        e.after());
    assertEquals(new SourcePosition(87000000L, 1795051862500L), e.position());
  }

  @Test
  void line5SchemaWrapperWithPreciseDecimals() {
    ChangeEvent e = decoded(5, "ods.fund_journal");
    assertEquals(ChangeOp.INSERT, e.op());
    FundJournalEntry after = (FundJournalEntry) e.after();
    assertEquals(
        new FundJournalEntry(
            20261119,
            700002,
            LocalDateTime.of(2026, 11, 19, 9, 31, 10),
            "100200300",
            "600100200300",
            3101,
            MoneyType.CNY,
            4201,
            new BigDecimal("-12.35"),
            new BigDecimal("181222.21"),
            "7",
            "commission"),
        after);
    assertEquals(2, after.occurBalance().scale());
    assertEquals(2, after.postBalance().scale());
    assertEquals(new SourcePosition(88000400L, 1795051862500L), e.position());
  }

  private static FundJournalEntry entry700003(String remark) {
    return new FundJournalEntry(
        20261119,
        700003,
        LocalDateTime.of(2026, 11, 19, 10, 12, 44, 500_000_000),
        "100200300",
        "600100200300",
        3101,
        MoneyType.CNY,
        2042,
        new BigDecimal("-20000.00"),
        new BigDecimal("161222.21"),
        "B",
        remark);
  }

  @Test
  void line6GoldenGateInsertWithLocalTimeText() {
    ChangeEvent e = decoded(6, "ods.fund_journal");
    assertEquals(SourceTable.FUND_JOURNAL, e.table());
    assertEquals(ChangeOp.INSERT, e.op());
    assertNull(e.before());
    assertEquals(entry700003("to bank 6222021234567890123"), e.after());
    // op_ts 2026-11-19 10:12:44.5 Asia/Shanghai = 02:12:44.5 UTC
    assertEquals(new SourcePosition(320000004711L, 1795054364500L), e.position());
    assertEquals(1795054364500L, e.sourceTimeMillis());
  }

  @Test
  void line7GoldenGateUpdateWithItsBeforeImage() {
    ChangeEvent e = decoded(7, "ods.fund_journal");
    assertEquals(ChangeOp.UPDATE, e.op());
    assertEquals(entry700003("to bank 6222021234567890123"), e.before());
    assertEquals(entry700003("to bank"), e.after());
    assertEquals(new SourcePosition(320000005120L, 1795054500000L), e.position());
  }

  @Test
  void line8GoldenGateTruncateIsRejectedNeverApplied() {
    DecodeResult r =
        decoder.decode("ods.fund_journal", lines.get(7).getBytes(StandardCharsets.UTF_8));
    Rejection rejection = assertInstanceOf(DecodeResult.Rejected.class, r).rejection();
    assertEquals(RejectReason.UNSUPPORTED_OP, rejection.reason());
    assertTrue(rejection.message().contains("truncate"), rejection.message());
    assertTrue(rejection.message().contains("CTS.FUND_JOURNAL"), rejection.message());
  }

  @Test
  void aTombstoneAfterTheDeleteIsSkipped() {
    assertInstanceOf(DecodeResult.Skipped.class, decoder.decode("ods.fund_journal", null));
    assertInstanceOf(DecodeResult.Skipped.class, decoder.decode("ods.fund_journal", new byte[0]));
  }
}
