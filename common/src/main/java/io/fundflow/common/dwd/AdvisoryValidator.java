package io.fundflow.common.dwd;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The DWD rules of the advisory tables: what a contract or order must satisfy before it counts in
 * the ADS metrics. A failing row goes to {@code dlq.dwd}; the metrics keep its previous version.
 */
public final class AdvisoryValidator {

  static final int ID_MAX_LENGTH = 32;

  private AdvisoryValidator() {}

  /** Checks an order: identifiers, a positive exact AMOUNT, a real TRADE_DATE. */
  public static ValidationResult validate(AdvisoryOrder o) {
    List<Violation> out = new ArrayList<>();
    FundJournalValidator.checkIdentifier("ORDER_ID", o.orderId(), out);
    FundJournalValidator.checkIdentifier("CONTRACT_ID", o.contractId(), out);
    FundJournalValidator.checkIdentifier("CLIENT_ID", o.clientId(), out);
    FundJournalValidator.checkIdentifier("PORTFOLIO_CODE", o.portfolioCode(), out);
    FundJournalValidator.checkMaxLength("ORDER_ID", o.orderId(), ID_MAX_LENGTH, out);
    FundJournalValidator.checkMaxLength("CONTRACT_ID", o.contractId(), ID_MAX_LENGTH, out);
    FundJournalValidator.checkMaxLength("PORTFOLIO_CODE", o.portfolioCode(), ID_MAX_LENGTH, out);
    FundJournalValidator.checkAmount("AMOUNT", o.amount(), out);
    if (o.amount() != null && o.amount().signum() <= 0) {
      out.add(
          new Violation(
              ViolationCode.NON_POSITIVE_AMOUNT, "AMOUNT", o.amount().toPlainString() + " is not > 0"));
    }
    if (!isRealDate(o.tradeDate())) {
      out.add(
          new Violation(
              ViolationCode.BAD_TRADE_DATE, "TRADE_DATE", o.tradeDate() + " is not a yyyymmdd date"));
    }
    return out.isEmpty() ? ValidationResult.valid() : new ValidationResult(out);
  }

  /**
   * Checks a contract: identifiers, and that STATUS agrees with the times — a SIGNED contract has a
   * SIGN_TIME not before APPLY_TIME, a TERMINATED one a TERMINATE_TIME not before its SIGN_TIME.
   */
  public static ValidationResult validate(AdvisoryContract c) {
    List<Violation> out = new ArrayList<>();
    FundJournalValidator.checkIdentifier("CONTRACT_ID", c.contractId(), out);
    FundJournalValidator.checkIdentifier("CLIENT_ID", c.clientId(), out);
    FundJournalValidator.checkIdentifier("PORTFOLIO_CODE", c.portfolioCode(), out);
    FundJournalValidator.checkMaxLength("CONTRACT_ID", c.contractId(), ID_MAX_LENGTH, out);
    FundJournalValidator.checkMaxLength("PORTFOLIO_CODE", c.portfolioCode(), ID_MAX_LENGTH, out);
    if (c.status() == ContractStatus.SIGNED || c.status() == ContractStatus.TERMINATED) {
      if (c.signTime() == null) {
        out.add(inconsistent("SIGN_TIME", c.status() + " without SIGN_TIME"));
      } else if (c.applyTime() != null && c.signTime().isBefore(c.applyTime())) {
        out.add(inconsistent("SIGN_TIME", "signed " + c.signTime() + " before applied " + c.applyTime()));
      }
    }
    if (c.status() == ContractStatus.TERMINATED) {
      if (c.terminateTime() == null) {
        out.add(inconsistent("TERMINATE_TIME", "TERMINATED without TERMINATE_TIME"));
      } else if (c.signTime() != null && c.terminateTime().isBefore(c.signTime())) {
        out.add(
            inconsistent(
                "TERMINATE_TIME", "terminated " + c.terminateTime() + " before signed " + c.signTime()));
      }
    }
    return out.isEmpty() ? ValidationResult.valid() : new ValidationResult(out);
  }

  private static Violation inconsistent(String column, String message) {
    return new Violation(ViolationCode.INCONSISTENT_CONTRACT, column, message);
  }

  private static boolean isRealDate(int yyyymmdd) {
    try {
      LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
      return yyyymmdd >= 1_000_00_00 && yyyymmdd <= 9_999_12_31;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
