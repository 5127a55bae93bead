package io.fundflow.common.dwd;

import java.math.BigDecimal;
import java.util.Objects;

/** Which way an amount moves cash relative to the account (SPEC §1): in, out, or neither. */
public enum Direction {
  IN,
  OUT,
  NONE;

  /** IN for a positive amount, OUT for a negative one, NONE for zero (at any scale). */
  public static Direction of(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    return switch (amount.signum()) {
      case 1 -> IN;
      case -1 -> OUT;
      default -> NONE;
    };
  }
}
