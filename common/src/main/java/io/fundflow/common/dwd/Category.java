package io.fundflow.common.dwd;

import java.util.Optional;

/**
 * Business category of a journal entry, derived from its BUSINESS_FLAG (SPEC §1), with the direction
 * an amount of that category is expected to have.
 */
public enum Category {
  TRANSFER_IN(2041, Direction.IN),
  TRANSFER_OUT(2042, Direction.OUT),
  TRADE_BUY(4001, Direction.OUT),
  TRADE_SELL(4002, Direction.IN),
  DIVIDEND(4101, Direction.IN),
  FEE(4201, Direction.OUT),
  INTEREST(4301, Direction.IN),
  FUND_BUY(4401, Direction.OUT),
  FUND_REDEEM(4402, Direction.IN),
  /** Any flag the table does not list: kept, counted, and held to no expected sign. */
  OTHER(-1, null);

  private final int businessFlag;
  private final Direction expected;

  Category(int businessFlag, Direction expected) {
    this.businessFlag = businessFlag;
    this.expected = expected;
  }

  /** The category of a BUSINESS_FLAG; OTHER for a flag the table does not list. */
  public static Category ofBusinessFlag(int businessFlag) {
    for (Category c : values()) {
      if (c.businessFlag == businessFlag) {
        return c;
      }
    }
    return OTHER;
  }

  /** The direction a non-zero amount of this category should have; empty for OTHER. */
  public Optional<Direction> expectedDirection() {
    return Optional.ofNullable(expected);
  }

  /**
   * True when a movement in {@code direction} contradicts this category's expected sign. A zero
   * amount (NONE) has no sign and contradicts nothing; OTHER expects nothing.
   */
  public boolean disagreesWith(Direction direction) {
    return expected != null && direction != Direction.NONE && direction != expected;
  }
}
