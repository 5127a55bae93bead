package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.Messages.bytes;
import static io.fundflow.common.changelog.Messages.debezium;
import static io.fundflow.common.changelog.Messages.goldenGate;
import static io.fundflow.common.changelog.Messages.literal;
import static io.fundflow.common.changelog.Messages.row;
import static io.fundflow.common.changelog.Messages.wrapped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.model.SourceRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value encoding SPEC §1 allows decodes to the same typed value; bad ones are rejected. */
class ColumnValuesTest {

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  private DecodeResult withColumn(SourceTable table, String column, JsonNode value) {
    ObjectNode after = row(table);
    after.set(column, value);
    return decoder.decode(table.odsTopic(), bytes(debezium("c", table, null, after)));
  }

  private SourceRow decodedWith(SourceTable table, String column, String jsonLiteral) {
    DecodeResult r = withColumn(table, column, literal(jsonLiteral));
    return assertInstanceOf(DecodeResult.Decoded.class, r, r::toString).event().after();
  }

  private FundJournalEntry journalWith(String column, String jsonLiteral) {
    return (FundJournalEntry) decodedWith(SourceTable.FUND_JOURNAL, column, jsonLiteral);
  }

  private Rejection rejectedWith(SourceTable table, String column, String jsonLiteral) {
    DecodeResult r = withColumn(table, column, literal(jsonLiteral));
    return assertInstanceOf(DecodeResult.Rejected.class, r, r::toString).rejection();
  }

  private void assertRejected(
      RejectReason reason, SourceTable table, String column, String jsonLiteral) {
    Rejection rejection = rejectedWith(table, column, jsonLiteral);
    assertEquals(reason, rejection.reason(), rejection.message());
    assertTrue(rejection.message().contains(column), rejection.message());
  }

  // --- integers -------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "700001",
        "\"700001\"",
        "\" 700001 \"",
        "700001.0",
        "\"700001.00\"",
        "\"7.00001E5\""
      })
  void integersAsNumbersOrStrings(String literal) {
    assertEquals(700001L, journalWith("SERIAL_NO", literal).serialNo());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"12.5\"",
        "1.5",
        "true",
        "\"abc\"",
        "\" \"",
        "{}",
        "[1]",
        "1234567",
        "-1234567",
        "99999999999999999999999",
        "\"1e30\""
      })
  void nonIntegralOrOutOfRangeIntegersAreWrongType(String literal) {
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "BRANCH_NO", literal);
  }

  @Test
  void serialNoBeyondNumber12IsWrongType() {
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "SERIAL_NO", "1000000000000");
  }

  // --- money ----------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "50000|50000.00",
        "50000.1|50000.10",
        "-12.35|-12.35",
        "\"-12.3\"|-12.30",
        "\"50000.00\"|50000.00",
        "\"12.3400\"|12.34",
        "\"1E+3\"|1000.00",
        "\" 7.5 \"|7.50",
        "0|0.00",
        "\"0E+9999\"|0.00",
        "\"-0.00\"|0.00",
        "\"99999999999999999.99\"|99999999999999999.99"
      })
  void moneyAsNumberOrTextAlwaysAtScaleTwo(String literal, String expected) {
    BigDecimal amount = journalWith("OCCUR_BALANCE", literal).occurBalance();
    assertEquals(new BigDecimal(expected), amount);
    assertEquals(2, amount.scale());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "12.345",
        "\"12.345\"",
        "\"0.001\"",
        "\"1E-3\"",
        "\"1e30\"",
        "\"1E+9999\"",
        "100000000000000000"
      })
  void moneyWithMoreThanTwoDecimalsOrOutOfRangeIsBadDecimal(String literal) {
    assertRejected(RejectReason.BAD_DECIMAL, SourceTable.FUND_JOURNAL, "OCCUR_BALANCE", literal);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"true", "[]", "\"12,50\"", "\"1.2.3\"", "\"¥100\""})
  void moneyThatIsNoNumberIsWrongType(String literal) {
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "OCCUR_BALANCE", literal);
  }

  @Test
  void advisoryOrderAmountFollowsTheSameRules() {
    AdvisoryOrder order =
        (AdvisoryOrder) decodedWith(SourceTable.ADVISORY_ORDER, "AMOUNT", "2500.5");
    assertEquals(new BigDecimal("2500.50"), order.amount());
    assertRejected(RejectReason.BAD_DECIMAL, SourceTable.ADVISORY_ORDER, "AMOUNT", "\"0.125\"");
  }

  private DecodeResult precise(String scale, String occurBalance) {
    ObjectNode after = row(SourceTable.FUND_JOURNAL);
    after.put("OCCUR_BALANCE", occurBalance);
    after.put("POST_BALANCE", "ARSF7Q==");
    return decoder.decode(
        "ods.fund_journal",
        bytes(
            wrapped(
                debezium("c", SourceTable.FUND_JOURNAL, null, after),
                scale,
                "OCCUR_BALANCE",
                "POST_BALANCE")));
  }

  @Test
  void preciseDecimalWithTheScaleFromTheSchema() {
    FundJournalEntry e =
        (FundJournalEntry)
            assertInstanceOf(DecodeResult.Decoded.class, precise("2", "+y0=")).event().after();
    assertEquals(new BigDecimal("-12.35"), e.occurBalance());
    assertEquals(new BigDecimal("181222.21"), e.postBalance());
    FundJournalEntry positive =
        (FundJournalEntry)
            assertInstanceOf(DecodeResult.Decoded.class, precise("2", "TEtA")).event().after();
    assertEquals(new BigDecimal("50000.00"), positive.occurBalance());
  }

  @Test
  void preciseDecimalWhoseScaleGivesThreeDecimalsIsBadDecimal() {
    // "+y0=" is the unscaled -1235: at scale 3 it is -1.235
    Rejection r = assertInstanceOf(DecodeResult.Rejected.class, precise("3", "+y0=")).rejection();
    assertEquals(RejectReason.BAD_DECIMAL, r.reason());
  }

  @Test
  void preciseDecimalWithoutAnySchemaIsBadDecimalSayingTheScaleIsMissing() {
    Rejection r = rejectedWith(SourceTable.FUND_JOURNAL, "OCCUR_BALANCE", "\"+y0=\"");
    assertEquals(RejectReason.BAD_DECIMAL, r.reason());
    assertTrue(r.message().contains("OCCUR_BALANCE"), r.message());
    assertTrue(r.message().contains("\"+y0=\""), r.message());
    assertTrue(r.message().contains("scale is missing"), r.message());
  }

  @Test
  void preciseDecimalWhoseSchemaHasNoScaleParameterIsBadDecimal() {
    Rejection r = assertInstanceOf(DecodeResult.Rejected.class, precise(null, "+y0=")).rejection();
    assertEquals(RejectReason.BAD_DECIMAL, r.reason());
    assertTrue(r.message().contains("no scale"), r.message());
  }

  @Test
  void aSchemaWithScaleStillAcceptsPlainNumbers() {
    FundJournalEntry e =
        (FundJournalEntry)
            assertInstanceOf(DecodeResult.Decoded.class, precise("2", "-12.35")).event().after();
    assertEquals(new BigDecimal("-12.35"), e.occurBalance());
  }

  @Test
  void variableScaleDecimalObject() {
    FundJournalEntry e = journalWith("OCCUR_BALANCE", "{\"scale\":2,\"value\":\"+y0=\"}");
    assertEquals(new BigDecimal("-12.35"), e.occurBalance());
    assertEquals(
        new BigDecimal("-1235.00"),
        journalWith("OCCUR_BALANCE", "{\"scale\":0,\"value\":\"+y0=\"}").occurBalance());
    assertRejected(
        RejectReason.BAD_DECIMAL,
        SourceTable.FUND_JOURNAL,
        "OCCUR_BALANCE",
        "{\"scale\":4,\"value\":\"+y0=\"}");
    assertRejected(
        RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "OCCUR_BALANCE", "{\"value\":\"+y0=\"}");
  }

  // --- timestamps -----------------------------------------------------------------------------

  private static final LocalDateTime T = LocalDateTime.of(2026, 11, 19, 9, 31, 2, 123_000_000);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1795051862123",
        "\"1795051862123\"",
        "1795051862123000",
        "1795051862123000000",
        "\"2026-11-19 09:31:02.123\"",
        "\"2026-11-19 09:31:02.123000\"",
        "\"2026-11-19 09:31:02.123000000\"",
        "\"2026-11-19T09:31:02.123\"",
        "\"2026-11-19:09:31:02.123000\""
      })
  void timestampsAsMillisMicrosNanosOrLocalText(String literal) {
    assertEquals(T, journalWith("OCCUR_TIME", literal).occurTime());
  }

  @Test
  void timestampPrecisionIsKept() {
    assertEquals(
        LocalDateTime.of(2026, 11, 19, 9, 31, 2, 123_456_000),
        journalWith("OCCUR_TIME", "1795051862123456").occurTime());
    assertEquals(
        LocalDateTime.of(2026, 11, 19, 9, 31, 2),
        journalWith("OCCUR_TIME", "\"2026-11-19 09:31:02\"").occurTime());
    assertEquals(
        LocalDateTime.of(2026, 11, 19, 9, 31, 2, 500_000_000),
        journalWith("OCCUR_TIME", "\"2026-11-19 09:31:02.5\"").occurTime());
  }

  @Test
  void epochBeforeTheMicrosThresholdIsMillis() {
    // 1e14 ms is year 5138: still millis; one more is micros (1973).
    assertEquals(5138, journalWith("OCCUR_TIME", "100000000000000").occurTime().getYear());
    assertEquals(1973, journalWith("OCCUR_TIME", "100000000000001").occurTime().getYear());
    assertEquals(1973, journalWith("OCCUR_TIME", "100000000000000001").occurTime().getYear());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"2026-02-30 10:00:00\"",
        "\"2026-02-29 10:00:00\"",
        "\"2026-13-01 10:00:00\"",
        "\"2026-11-00 10:00:00\"",
        "\"2026-11-19 24:00:00\"",
        "\"2026-11-19 10:60:00\"",
        "\"2026-11-19 10:00:60.5\""
      })
  void impossibleDateTimesAreBadDate(String literal) {
    assertRejected(RejectReason.BAD_DATE, SourceTable.FUND_JOURNAL, "OCCUR_TIME", literal);
  }

  @Test
  void aLeapDayExists() {
    assertEquals(
        LocalDateTime.of(2028, 2, 29, 10, 0),
        journalWith("OCCUR_TIME", "\"2028-02-29 10:00:00\"").occurTime());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"yesterday\"",
        "\"2026/11/19 10:00:00\"",
        "\"2026-11-19\"",
        "\"2026-11-19 10:00:00.\"",
        "\"2026-11-19 10:00:00.1234567890\"",
        "1795051862123.5",
        "true",
        "\"soon\""
      })
  void textThatIsNoTimestampIsWrongType(String literal) {
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "OCCUR_TIME", literal);
  }

  @Test
  void anEpochBeyondALongIsBadDate() {
    assertRejected(
        RejectReason.BAD_DATE, SourceTable.FUND_JOURNAL, "OCCUR_TIME", "99999999999999999999999");
  }

  @Test
  void contractTimesAndNullableTimes() {
    AdvisoryContract c =
        (AdvisoryContract)
            decodedWith(SourceTable.ADVISORY_CONTRACT, "APPLY_TIME", "1795051862123000");
    assertEquals(T, c.applyTime());
    assertNull(c.terminateTime());
    AdvisoryContract unsigned =
        (AdvisoryContract) decodedWith(SourceTable.ADVISORY_CONTRACT, "SIGN_TIME", "null");
    assertNull(unsigned.signTime());
  }

  // --- yyyymmdd dates -------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"20261119", "\"20261119\"", "\" 20261119\""})
  void yyyymmddAsNumberOrString(String literal) {
    assertEquals(20261119, journalWith("INIT_DATE", literal).initDate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "20261131",
        "20260229",
        "20261300",
        "20261100",
        "2026111",
        "0",
        "-20261119",
        "202611190"
      })
  void unrealYyyymmddIsBadDate(String literal) {
    assertRejected(RejectReason.BAD_DATE, SourceTable.FUND_JOURNAL, "INIT_DATE", literal);
  }

  @Test
  void yyyymmddOfOtherTables() {
    assertEquals(
        20280229,
        ((Customer) decodedWith(SourceTable.CUSTOMER, "OPEN_DATE", "20280229")).openDate());
    assertRejected(RejectReason.BAD_DATE, SourceTable.CUSTOMER, "OPEN_DATE", "20190230");
    assertRejected(RejectReason.BAD_DATE, SourceTable.ADVISORY_ORDER, "TRADE_DATE", "\"20261131\"");
    assertRejected(
        RejectReason.WRONG_TYPE, SourceTable.ADVISORY_ORDER, "TRADE_DATE", "\"2026-11-19\"");
  }

  // --- enums, flags, codes --------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\"CNY\"|CNY", "\"CNY \"|CNY", "\"USD\"|USD", "\"HKD  \"|HKD"})
  void moneyTypeTrimmed(String literal, MoneyType expected) {
    assertEquals(expected, journalWith("MONEY_TYPE", literal).moneyType());
  }

  @Test
  void unknownEnumValuesAreBadValueNamingTheAllowedSet() {
    Rejection r = rejectedWith(SourceTable.FUND_JOURNAL, "MONEY_TYPE", "\"EUR\"");
    assertEquals(RejectReason.BAD_VALUE, r.reason());
    assertEquals("FUND_JOURNAL after.MONEY_TYPE = \"EUR\" is not one of CNY/HKD/USD", r.message());
    assertRejected(RejectReason.BAD_VALUE, SourceTable.FUND_JOURNAL, "MONEY_TYPE", "\"cny\"");
    assertRejected(RejectReason.BAD_VALUE, SourceTable.CHANNEL, "CHANNEL_TYPE", "\"WEB\"");
    assertRejected(RejectReason.BAD_VALUE, SourceTable.ADVISORY_CONTRACT, "STATUS", "\"DONE\"");
    assertRejected(RejectReason.BAD_VALUE, SourceTable.ADVISORY_ORDER, "ORDER_TYPE", "\"SELL\"");
    assertRejected(RejectReason.BAD_VALUE, SourceTable.ADVISORY_ORDER, "STATUS", "\"OPEN\"");
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "MONEY_TYPE", "156");
  }

  @Test
  void channelTypeFromPaddedChar() {
    Channel c = (Channel) decodedWith(SourceTable.CHANNEL, "CHANNEL_TYPE", "\"BANK  \"");
    assertEquals(ChannelType.BANK, c.channelType());
  }

  @Test
  void keyClientYesNo() {
    assertTrue(((Customer) decodedWith(SourceTable.CUSTOMER, "KEY_CLIENT", "\"Y\"")).keyClient());
    assertFalse(((Customer) decodedWith(SourceTable.CUSTOMER, "KEY_CLIENT", "\"N \"")).keyClient());
    assertRejected(RejectReason.BAD_VALUE, SourceTable.CUSTOMER, "KEY_CLIENT", "\"X\"");
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.CUSTOMER, "KEY_CLIENT", "true");
  }

  @Test
  void riskLevelOneToFive() {
    assertEquals(
        5, ((Customer) decodedWith(SourceTable.CUSTOMER, "RISK_LEVEL", "\"5\"")).riskLevel());
    assertRejected(RejectReason.BAD_VALUE, SourceTable.CUSTOMER, "RISK_LEVEL", "6");
    assertRejected(RejectReason.BAD_VALUE, SourceTable.CUSTOMER, "RISK_LEVEL", "0");
  }

  @Test
  void codesAreTrimmedFreeTextIsNot() {
    assertEquals("100200300", journalWith("CLIENT_ID", "\"100200300   \"").clientId());
    assertEquals(" to bank ", journalWith("REMARK", "\" to bank \"").remark());
    assertRejected(RejectReason.WRONG_TYPE, SourceTable.FUND_JOURNAL, "CLIENT_ID", "100200300");
  }

  // --- nullable, missing and extra columns ----------------------------------------------------

  @Test
  void nullableColumnsMayBeNullAbsentOrEmpty() {
    assertNull(journalWith("REMARK", "null").remark());
    assertNull(journalWith("REMARK", "\"\"").remark());
    assertNull(journalWith("CHANNEL", "null").channel());
    ObjectNode after = row(SourceTable.CUSTOMER);
    after.remove("CLIENT_NAME");
    after.remove("ID_KIND");
    after.putNull("ID_NO");
    after.put("MOBILE", "");
    DecodeResult r =
        decoder.decode("ods.customer", bytes(goldenGate("I", SourceTable.CUSTOMER, null, after)));
    Customer c = (Customer) assertInstanceOf(DecodeResult.Decoded.class, r).event().after();
    assertNull(c.clientName());
    assertNull(c.idKind());
    assertNull(c.idNo());
    assertNull(c.mobile());
  }

  @Test
  void unknownExtraColumnsAreIgnored() {
    FundJournalEntry e = journalWith("SOME_NEW_COLUMN", "{\"nested\":[1,2,3]}");
    assertEquals(EnvelopeTableTest.expected(SourceTable.FUND_JOURNAL), e);
  }

  @Test
  void longOffendingValuesAreCutShortInTheMessage() {
    String longText = "x".repeat(5_000);
    Rejection r = rejectedWith(SourceTable.FUND_JOURNAL, "MONEY_TYPE", "\"" + longText + "\"");
    assertEquals(RejectReason.BAD_VALUE, r.reason());
    assertTrue(r.message().length() < 300, r.message());
    assertTrue(r.message().contains("(5002 chars)"), r.message());
  }
}
