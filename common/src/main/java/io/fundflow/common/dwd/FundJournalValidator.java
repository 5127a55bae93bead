package io.fundflow.common.dwd;

import io.fundflow.common.model.FundJournalEntry;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The DWD rules a decoded journal entry must pass before it becomes a {@link FundFlow}; a row that
 * breaks any goes to {@code dlq.dwd} with every violation found (never an exception).
 *
 * <p>OCCUR_TIME bounds: its date may precede INIT_DATE by at most {@value #MAX_DAYS_BEFORE_INIT}
 * days, because entries made after the close or on a non-trading day belong to the next trading
 * day, and the longest Chinese market closure (Spring Festival plus weekends) is about 10 days;
 * and it may follow INIT_DATE by at most {@value #MAX_DAYS_AFTER_INIT} days, to tolerate a
 * back-dated correction booked to an earlier trading day, but no clock that is off by weeks.
 *
 * <p>Text widths are counted in Unicode code points (Oracle CHAR length semantics), so a Chinese
 * remark of 200 characters passes.
 */
public final class FundJournalValidator {

  /** How many days OCCUR_TIME's date may precede INIT_DATE. */
  public static final int MAX_DAYS_BEFORE_INIT = 15;

  /** How many days OCCUR_TIME's date may follow INIT_DATE. */
  public static final int MAX_DAYS_AFTER_INIT = 3;

  static final int ID_MAX_LENGTH = 18;
  static final int CHANNEL_MAX_LENGTH = 4;
  static final int REMARK_MAX_LENGTH = 200;
  static final int MAX_BRANCH_NO = 999_999;
  static final long MAX_SERIAL_NO = 999_999_999_999L;
  static final int MAX_BUSINESS_FLAG = 999_999;

  /** NUMBER(19,2) holds 17 integer digits: the magnitude must stay below 10^17. */
  private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(17);

  private static final BigDecimal NEGATIVE_AMOUNT_LIMIT = AMOUNT_LIMIT.negate();

  private FundJournalValidator() {}

  /** Checks every rule and returns all violations; valid when there are none. */
  public static ValidationResult validate(FundJournalEntry e) {
    List<Violation> out = new ArrayList<>();
    LocalDate initDate = checkInitDate(e.initDate(), out);
    checkSerial(e.serialNo(), out);
    checkIdentifier("CLIENT_ID", e.clientId(), out);
    checkIdentifier("FUND_ACCOUNT", e.fundAccount(), out);
    if (e.branchNo() < 0 || e.branchNo() > MAX_BRANCH_NO) {
      out.add(
          new Violation(
              ViolationCode.BRANCH_OUT_OF_RANGE, "BRANCH_NO", e.branchNo() + " not in 0..999999"));
    }
    if (e.businessFlag() < 0 || e.businessFlag() > MAX_BUSINESS_FLAG) {
      out.add(
          new Violation(
              ViolationCode.BUSINESS_FLAG_OUT_OF_RANGE,
              "BUSINESS_FLAG",
              e.businessFlag() + " not in 0..999999"));
    }
    if (e.moneyType() == null) {
      out.add(missing("MONEY_TYPE"));
    }
    checkAmount("OCCUR_BALANCE", e.occurBalance(), out);
    checkAmount("POST_BALANCE", e.postBalance(), out);
    checkOccurTime(e, initDate, out);
    checkMaxLength("CHANNEL", e.channel(), CHANNEL_MAX_LENGTH, out);
    checkMaxLength("REMARK", e.remark(), REMARK_MAX_LENGTH, out);
    return out.isEmpty() ? ValidationResult.valid() : new ValidationResult(out);
  }

  private static LocalDate checkInitDate(int yyyymmdd, List<Violation> out) {
    try {
      if (yyyymmdd < 1_000_00_00 || yyyymmdd > 9_999_12_31) {
        throw new DateTimeException("not 8 digits");
      }
      return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    } catch (DateTimeException ex) {
      out.add(
          new Violation(
              ViolationCode.BAD_INIT_DATE, "INIT_DATE", yyyymmdd + " is not a yyyymmdd date"));
      return null;
    }
  }

  private static void checkSerial(long serialNo, List<Violation> out) {
    if (serialNo < 0 || serialNo > MAX_SERIAL_NO) {
      out.add(
          new Violation(
              ViolationCode.SERIAL_OUT_OF_RANGE, "SERIAL_NO", serialNo + " not in 0..999999999999"));
    }
  }

  static void checkIdentifier(String column, String value, List<Violation> out) {
    if (value == null) {
      out.add(missing(column));
    } else if (value.isBlank()) {
      out.add(new Violation(ViolationCode.BLANK_IDENTIFIER, column, "blank"));
    } else {
      checkMaxLength(column, value, ID_MAX_LENGTH, out);
    }
  }

  static void checkMaxLength(String column, String value, int max, List<Violation> out) {
    if (value == null) {
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      out.add(
          new Violation(
              ViolationCode.TOO_LONG, column, length + " characters, at most " + max + " allowed"));
    }
  }

  static void checkAmount(String column, BigDecimal amount, List<Violation> out) {
    if (amount == null) {
      out.add(missing(column));
      return;
    }
    // 1.500 is the exact value 1.50: only non-zero digits beyond the cent break the rule.
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      out.add(
          new Violation(
              ViolationCode.AMOUNT_SCALE,
              column,
              amount.toPlainString() + " has more than 2 decimals"));
    } else if (amount.compareTo(AMOUNT_LIMIT) >= 0
        || amount.compareTo(NEGATIVE_AMOUNT_LIMIT) <= 0) { // |amount| >= 10^17 without abs()'s copy
      out.add(
          new Violation(
              ViolationCode.AMOUNT_OUT_OF_RANGE,
              column,
              amount.toPlainString() + " does not fit NUMBER(19,2)"));
    }
  }

  private static void checkOccurTime(FundJournalEntry e, LocalDate initDate, List<Violation> out) {
    if (e.occurTime() == null) {
      out.add(missing("OCCUR_TIME"));
      return;
    }
    if (initDate == null) {
      return; // already reported: nothing to compare against
    }
    long daysAfterInit = ChronoUnit.DAYS.between(initDate, e.occurTime().toLocalDate());
    if (daysAfterInit > MAX_DAYS_AFTER_INIT || daysAfterInit < -MAX_DAYS_BEFORE_INIT) {
      out.add(
          new Violation(
              ViolationCode.OCCUR_TIME_OUT_OF_RANGE,
              "OCCUR_TIME",
              e.occurTime()
                  + " is "
                  + daysAfterInit
                  + " days from INIT_DATE "
                  + e.initDate()
                  + "; allowed "
                  + -MAX_DAYS_BEFORE_INIT
                  + ".."
                  + MAX_DAYS_AFTER_INIT));
    }
  }

  static Violation missing(String column) {
    return new Violation(ViolationCode.MISSING_VALUE, column, "null");
  }
}
