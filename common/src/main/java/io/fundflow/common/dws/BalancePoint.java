package io.fundflow.common.dws;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Comparator;

/**
 * An entry's POST_BALANCE with its place in the day, ordered by (OCCUR_TIME, SERIAL_NO); the
 * balance only breaks ties between two versions of one entry, to keep the order total.
 */
public record BalancePoint(LocalDateTime occurTime, long serialNo, BigDecimal postBalance)
    implements Comparable<BalancePoint>, Serializable {

  private static final Comparator<BalancePoint> ORDER =
      Comparator.comparing(BalancePoint::occurTime)
          .thenComparingLong(BalancePoint::serialNo)
          .thenComparing(BalancePoint::postBalance);

  @Override
  public int compareTo(BalancePoint o) {
    return ORDER.compare(this, o);
  }
}
