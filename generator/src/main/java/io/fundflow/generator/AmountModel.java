package io.fundflow.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * Realistic signed amounts per business flag (SPEC §1), kept within the account's balance: an
 * outflow the balance cannot pay becomes a smaller one, or the matching inflow.
 */
final class AmountModel {

  static final int TRANSFER_IN = 2041;
  static final int TRANSFER_OUT = 2042;
  static final int TRADE_BUY = 4001;
  static final int TRADE_SELL = 4002;
  static final int DIVIDEND = 4101;
  static final int FEE = 4201;
  static final int INTEREST = 4301;
  static final int FUND_BUY = 4401;
  static final int FUND_REDEEM = 4402;

  private static final BigDecimal MIN_FEE = new BigDecimal("5.00");
  private static final BigDecimal FEE_RATE = new BigDecimal("0.00025");
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** A flag and its signed amount. */
  record Flow(int flag, BigDecimal amount) {}

  private AmountModel() {}

  /** True for the flags whose entries are trades (followed by a fee). */
  static boolean isTrade(int flag) {
    return flag == TRADE_BUY || flag == TRADE_SELL;
  }

  /**
   * The flow of one entry of {@code flag} on an account holding {@code balance}; {@code scale}
   * shrinks amounts of smaller accounts (HKD).
   */
  static Flow draw(int flag, BigDecimal balance, double scale, Random random) {
    switch (flag) {
      case TRANSFER_IN:
        return new Flow(flag, hundreds(random, 1_000, 200_000, scale));
      case TRANSFER_OUT:
        {
          BigDecimal want = hundreds(random, 1_000, 100_000, scale);
          BigDecimal can = balance.divideToIntegralValue(HUNDRED).multiply(HUNDRED);
          if (can.compareTo(HUNDRED) < 0) {
            return draw(TRANSFER_IN, balance, scale, random);
          }
          return new Flow(flag, min(want, can).negate().setScale(2));
        }
      case TRADE_BUY:
        {
          BigDecimal price = price(random);
          long lots = 1 + random.nextInt(50);
          BigDecimal budget = balance.multiply(new BigDecimal("0.9"));
          long affordable =
              budget.divide(price.multiply(HUNDRED), 0, RoundingMode.DOWN).longValue();
          if (affordable < 1) {
            return new Flow(TRADE_SELL, price.multiply(BigDecimal.valueOf(lots * 100)));
          }
          return new Flow(
              flag, price.multiply(BigDecimal.valueOf(Math.min(lots, affordable) * 100)).negate());
        }
      case TRADE_SELL:
        return new Flow(
            flag, price(random).multiply(BigDecimal.valueOf((1 + random.nextInt(50)) * 100L)));
      case DIVIDEND:
        return new Flow(flag, cents(random, 1_000, 500_000));
      case INTEREST:
        return new Flow(flag, cents(random, 1, 20_000));
      case FUND_BUY:
        {
          BigDecimal want = hundreds(random, 1_000, 50_000, scale);
          BigDecimal can =
              balance
                  .multiply(new BigDecimal("0.8"))
                  .divideToIntegralValue(HUNDRED)
                  .multiply(HUNDRED);
          if (can.compareTo(new BigDecimal("1000")) < 0) {
            return draw(FUND_REDEEM, balance, scale, random);
          }
          return new Flow(flag, min(want, can).negate().setScale(2));
        }
      case FUND_REDEEM:
        return new Flow(flag, hundreds(random, 1_000, 50_000, scale).add(cents(random, 0, 99)));
      default:
        throw new IllegalArgumentException("no amount model for flag " + flag);
    }
  }

  /** Commission and fees of a trade: 0.025% of its amount, at least 5.00; negative. */
  static BigDecimal fee(BigDecimal tradeAmount) {
    BigDecimal fee = tradeAmount.abs().multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP);
    return fee.max(MIN_FEE).negate();
  }

  private static BigDecimal price(Random random) {
    return BigDecimal.valueOf(300 + random.nextInt(14_700), 2); // 3.00 .. 150.00
  }

  private static BigDecimal hundreds(Random random, int from, int to, double scale) {
    int lo = Math.max(1, (int) (from * scale) / 100);
    int hi = Math.max(lo + 1, (int) (to * scale) / 100);
    return BigDecimal.valueOf((lo + random.nextInt(hi - lo)) * 100L).setScale(2);
  }

  private static BigDecimal cents(Random random, int fromCents, int toCents) {
    return BigDecimal.valueOf(fromCents + random.nextInt(toCents - fromCents + 1), 2);
  }

  private static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
