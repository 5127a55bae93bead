package io.fundflow.common.dws;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One category's part of a customer-day: the sum of its signed amounts (a FEE total is negative,
 * so the categories' sums add up to the day's net) and its entry count (zero amounts included).
 */
public record CategoryTotal(BigDecimal sum, long count) {

  public CategoryTotal {
    Objects.requireNonNull(sum, "sum");
  }
}
