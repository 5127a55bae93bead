package io.fundflow.common.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * An order under an advisory contract (SPEC §1 ADVISORY_ORDER), key ORDER_ID. {@code amount} is
 * positive with scale 2; {@code tradeDate} is yyyymmdd.
 */
public record AdvisoryOrder(
    String orderId,
    String contractId,
    String clientId,
    String portfolioCode,
    OrderType orderType,
    BigDecimal amount,
    LocalDateTime orderTime,
    int tradeDate,
    OrderStatus status)
    implements SourceRow {

  @Override
  public String primaryKey() {
    return orderId;
  }
}
