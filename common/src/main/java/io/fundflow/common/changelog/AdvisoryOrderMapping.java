package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.ColumnPresence.KEY;
import static io.fundflow.common.changelog.ColumnPresence.REQUIRED;

import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import io.fundflow.common.model.SourceRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * ADVISORY_ORDER columns to {@link AdvisoryOrder}; key ORDER_ID. That AMOUNT is positive is a DWD
 * validation rule, not a decoding matter: a non-positive amount decodes and is rejected there.
 */
final class AdvisoryOrderMapping implements RowMapping {

  static final AdvisoryOrderMapping INSTANCE = new AdvisoryOrderMapping();

  private static final EnumCodes<OrderType> ORDER_TYPES = EnumCodes.of(OrderType.class);
  private static final EnumCodes<OrderStatus> STATUSES = EnumCodes.of(OrderStatus.class);

  private AdvisoryOrderMapping() {}

  @Override
  public SourceRow read(RowReader row) {
    String orderId = row.code("ORDER_ID", KEY);
    String contractId = row.code("CONTRACT_ID", REQUIRED);
    String clientId = row.code("CLIENT_ID", REQUIRED);
    String portfolioCode = row.code("PORTFOLIO_CODE", REQUIRED);
    OrderType orderType = row.enumValue("ORDER_TYPE", REQUIRED, ORDER_TYPES);
    BigDecimal amount = row.money("AMOUNT", REQUIRED);
    LocalDateTime orderTime = row.timestamp("ORDER_TIME", REQUIRED);
    int tradeDate = row.yyyymmdd("TRADE_DATE", REQUIRED);
    OrderStatus status = row.enumValue("STATUS", REQUIRED, STATUSES);
    if (row.failed()) {
      return null;
    }
    return new AdvisoryOrder(
        orderId,
        contractId,
        clientId,
        portfolioCode,
        orderType,
        amount,
        orderTime,
        tradeDate,
        status);
  }
}
