package io.fundflow.common.dwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundJournalValidatorTest {

  private static final FundJournalEntry OK = JournalEntries.valid();

  @Test
  void aCleanEntryIsValid() {
    ValidationResult r = FundJournalValidator.validate(OK);
    assertTrue(r.isValid());
    assertNull(r.primaryCode());
    assertEquals("", r.describe());
  }

  @Test
  void amountsMayHaveAtMostTwoNonZeroDecimals() {
    assertValid(amounts("1.5", "1.500"));
    assertCodes(amounts("1.005", "0.00"), ViolationCode.AMOUNT_SCALE);
    assertCodes(amounts("0.00", "-0.001"), ViolationCode.AMOUNT_SCALE);
  }

  @Test
  void amountsMustFitNumber19Scale2() {
    assertValid(amounts("99999999999999999.99", "-99999999999999999.99"));
    assertCodes(amounts("100000000000000000.00", "0.00"), ViolationCode.AMOUNT_OUT_OF_RANGE);
    assertCodes(amounts("0.00", "-100000000000000000"), ViolationCode.AMOUNT_OUT_OF_RANGE);
  }

  @Test
  void identifiersMustBeNonBlankAndAtMost18Characters() {
    assertValid(ids("C".repeat(18), "F".repeat(18)));
    assertCodes(ids("  ", "F1"), ViolationCode.BLANK_IDENTIFIER);
    assertCodes(ids("C1", ""), ViolationCode.BLANK_IDENTIFIER);
    assertCodes(ids("C".repeat(19), "F1"), ViolationCode.TOO_LONG);
    assertCodes(ids(null, "F1"), ViolationCode.MISSING_VALUE);
    ValidationResult both = FundJournalValidator.validate(ids(" ", "F".repeat(19)));
    assertEquals(
        List.of("CLIENT_ID", "FUND_ACCOUNT"), both.violations().stream().map(Violation::column).toList());
  }

  @Test
  void branchSerialAndFlagMustFitTheirNumberWidths() {
    assertValid(numbers(0, 0L, 0));
    assertValid(numbers(999_999, 999_999_999_999L, 999_999));
    assertCodes(numbers(1_000_000, 1L, 2041), ViolationCode.BRANCH_OUT_OF_RANGE);
    assertCodes(numbers(-1, 1L, 2041), ViolationCode.BRANCH_OUT_OF_RANGE);
    assertCodes(numbers(1, 1_000_000_000_000L, 2041), ViolationCode.SERIAL_OUT_OF_RANGE);
    assertCodes(numbers(1, -1L, 2041), ViolationCode.SERIAL_OUT_OF_RANGE);
    assertCodes(numbers(1, 1L, 1_000_000), ViolationCode.BUSINESS_FLAG_OUT_OF_RANGE);
  }

  @Test
  void occurTimeMayLeadInitDateByFifteenDaysAndTrailByThree() {
    LocalDateTime init = LocalDateTime.of(2026, 11, 19, 0, 0);
    assertValid(occurAt(20261119, init.minusDays(15)));
    assertCodes(occurAt(20261119, init.minusDays(16)), ViolationCode.OCCUR_TIME_OUT_OF_RANGE);
    assertValid(occurAt(20261119, init.plusDays(3).withHour(23).withMinute(59)));
    assertCodes(occurAt(20261119, init.plusDays(4)), ViolationCode.OCCUR_TIME_OUT_OF_RANGE);
    assertCodes(occurAt(20261119, null), ViolationCode.MISSING_VALUE);
  }

  @Test
  void initDateMustBeARealDate() {
    LocalDateTime t = LocalDateTime.of(2026, 2, 28, 10, 0);
    assertCodes(occurAt(20260230, t), ViolationCode.BAD_INIT_DATE);
    assertCodes(occurAt(2026119, t), ViolationCode.BAD_INIT_DATE);
    assertValid(occurAt(20260228, t));
  }

  @Test
  void remarkIsAtMost200CharactersCountedAsCodePoints() {
    assertValid(remark("资".repeat(200)));
    assertValid(remark("𠮷".repeat(200)));
    assertCodes(remark("资".repeat(201)), ViolationCode.TOO_LONG);
    assertValid(remark(null));
  }

  @Test
  void channelIsAtMostFourCharacters() {
    assertValid(channel("M001"));
    assertCodes(channel("M0001"), ViolationCode.TOO_LONG);
    assertValid(channel(null));
  }

  @Test
  void everyViolationIsReportedWithoutAnException() {
    FundJournalEntry bad =
        new FundJournalEntry(
            20261131, -5L, null, "", null, 1_000_000, null, 2041, null,
            new BigDecimal("1.001"), "TOO_LONG", "x".repeat(201));
    ValidationResult r = FundJournalValidator.validate(bad);
    assertFalse(r.isValid());
    assertEquals(
        List.of(
            ViolationCode.BAD_INIT_DATE,
            ViolationCode.SERIAL_OUT_OF_RANGE,
            ViolationCode.BLANK_IDENTIFIER,
            ViolationCode.MISSING_VALUE,
            ViolationCode.BRANCH_OUT_OF_RANGE,
            ViolationCode.MISSING_VALUE,
            ViolationCode.MISSING_VALUE,
            ViolationCode.AMOUNT_SCALE,
            ViolationCode.MISSING_VALUE,
            ViolationCode.TOO_LONG,
            ViolationCode.TOO_LONG),
        r.violations().stream().map(Violation::code).toList());
    assertEquals(ViolationCode.BAD_INIT_DATE, r.primaryCode());
    assertTrue(r.describe().contains("POST_BALANCE"), r.describe());
  }

  private static void assertValid(FundJournalEntry e) {
    ValidationResult r = FundJournalValidator.validate(e);
    assertTrue(r.isValid(), r::describe);
  }

  private static void assertCodes(FundJournalEntry e, ViolationCode... codes) {
    ValidationResult r = FundJournalValidator.validate(e);
    assertEquals(List.of(codes), r.violations().stream().map(Violation::code).toList(), r::describe);
  }

  private static FundJournalEntry amounts(String occur, String post) {
    return new FundJournalEntry(
        OK.initDate(), OK.serialNo(), OK.occurTime(), OK.clientId(), OK.fundAccount(),
        OK.branchNo(), OK.moneyType(), OK.businessFlag(), new BigDecimal(occur),
        new BigDecimal(post), OK.channel(), OK.remark());
  }

  private static FundJournalEntry ids(String clientId, String fundAccount) {
    return new FundJournalEntry(
        OK.initDate(), OK.serialNo(), OK.occurTime(), clientId, fundAccount, OK.branchNo(),
        OK.moneyType(), OK.businessFlag(), OK.occurBalance(), OK.postBalance(), OK.channel(),
        OK.remark());
  }

  private static FundJournalEntry numbers(int branchNo, long serialNo, int businessFlag) {
    return new FundJournalEntry(
        OK.initDate(), serialNo, OK.occurTime(), OK.clientId(), OK.fundAccount(), branchNo,
        OK.moneyType(), businessFlag, OK.occurBalance(), OK.postBalance(), OK.channel(),
        OK.remark());
  }

  private static FundJournalEntry occurAt(int initDate, LocalDateTime occurTime) {
    return new FundJournalEntry(
        initDate, OK.serialNo(), occurTime, OK.clientId(), OK.fundAccount(), OK.branchNo(),
        MoneyType.CNY, OK.businessFlag(), OK.occurBalance(), OK.postBalance(), OK.channel(),
        OK.remark());
  }

  private static FundJournalEntry remark(String remark) {
    return new FundJournalEntry(
        OK.initDate(), OK.serialNo(), OK.occurTime(), OK.clientId(), OK.fundAccount(),
        OK.branchNo(), OK.moneyType(), OK.businessFlag(), OK.occurBalance(), OK.postBalance(),
        OK.channel(), remark);
  }

  private static FundJournalEntry channel(String channel) {
    return new FundJournalEntry(
        OK.initDate(), OK.serialNo(), OK.occurTime(), OK.clientId(), OK.fundAccount(),
        OK.branchNo(), OK.moneyType(), OK.businessFlag(), OK.occurBalance(), OK.postBalance(),
        channel, OK.remark());
  }
}
