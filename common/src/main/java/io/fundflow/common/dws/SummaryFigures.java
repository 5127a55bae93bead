package io.fundflow.common.dws;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a flow adds to its customer-day summary, and nothing more: its summary's key, its amount and
 * category, and its balance point. A batch can carry these instead of the whole flow.
 *
 * @param amount OCCUR_BALANCE at scale 2
 * @param balance POST_BALANCE (scale 2) at the entry's (OCCUR_TIME, SERIAL_NO)
 */
public record SummaryFigures(
    CustomerDayKey key, BigDecimal amount, Category category, BalancePoint balance) {

  public SummaryFigures {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(balance, "balance");
    if (amount.scale() != 2 || balance.postBalance().scale() != 2) {
      throw new IllegalArgumentException(
          "summary amounts are kept at scale 2: " + amount + ", " + balance);
    }
  }

  /**
   * The figures of one flow.
   *
   * @throws ArithmeticException when an amount has non-zero digits past the cent
   */
  public static SummaryFigures of(FundFlow flow) {
    return new SummaryFigures(
        CustomerDayKey.of(flow),
        flow.occurBalance().setScale(2, RoundingMode.UNNECESSARY),
        flow.category(),
        new BalancePoint(
            flow.occurTime(),
            flow.serialNo(),
            flow.postBalance().setScale(2, RoundingMode.UNNECESSARY)));
  }
}
