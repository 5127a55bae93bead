package io.fundflow.realtime.advisory;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Advisory contracts, orders and their changes for tests. */
final class Advisory {

  static final LocalDateTime DAY1 = LocalDateTime.of(2026, 11, 19, 10, 0);
  static final LocalDateTime DAY2 = LocalDateTime.of(2026, 11, 20, 10, 0);

  private Advisory() {}

  static AdvisoryContract applied(String id, String client, String portfolio, LocalDateTime at) {
    return new AdvisoryContract(
        id, client, portfolio, 3101, at, null, null, ContractStatus.APPLIED);
  }

  static AdvisoryContract signed(AdvisoryContract c, LocalDateTime at) {
    return new AdvisoryContract(
        c.contractId(),
        c.clientId(),
        c.portfolioCode(),
        c.branchNo(),
        c.applyTime(),
        at,
        null,
        ContractStatus.SIGNED);
  }

  static AdvisoryContract terminated(AdvisoryContract c, LocalDateTime at) {
    return new AdvisoryContract(
        c.contractId(),
        c.clientId(),
        c.portfolioCode(),
        c.branchNo(),
        c.applyTime(),
        c.signTime(),
        at,
        ContractStatus.TERMINATED);
  }

  static AdvisoryContract movedTo(AdvisoryContract c, String portfolio) {
    return new AdvisoryContract(
        c.contractId(),
        c.clientId(),
        portfolio,
        c.branchNo(),
        c.applyTime(),
        c.signTime(),
        c.terminateTime(),
        c.status());
  }

  static AdvisoryOrder order(
      String id, AdvisoryContract c, OrderType type, String amount, LocalDateTime at) {
    return new AdvisoryOrder(
        id,
        c.contractId(),
        c.clientId(),
        c.portfolioCode(),
        type,
        new BigDecimal(amount),
        at,
        yyyymmdd(at),
        OrderStatus.ACCEPTED);
  }

  static AdvisoryOrder cancelled(AdvisoryOrder o) {
    return new AdvisoryOrder(
        o.orderId(),
        o.contractId(),
        o.clientId(),
        o.portfolioCode(),
        o.orderType(),
        o.amount(),
        o.orderTime(),
        o.tradeDate(),
        OrderStatus.CANCELLED);
  }

  /** An upsert committed at {@code committed} (Asia/Shanghai), at source position {@code pos}. */
  static AdvisoryChange upsert(AdvisoryContract c, long pos, LocalDateTime committed) {
    return new AdvisoryChange(
        ChangeOp.UPDATE, c, null, new SourcePosition(pos, 0), millis(committed));
  }

  static AdvisoryChange upsert(AdvisoryOrder o, long pos, LocalDateTime committed) {
    return new AdvisoryChange(
        ChangeOp.INSERT, null, o, new SourcePosition(pos, 0), millis(committed));
  }

  static AdvisoryChange delete(AdvisoryContract c, long pos, LocalDateTime committed) {
    return new AdvisoryChange(
        ChangeOp.DELETE, c, null, new SourcePosition(pos, 0), millis(committed));
  }

  static AdvisoryChange delete(AdvisoryOrder o, long pos, LocalDateTime committed) {
    return new AdvisoryChange(
        ChangeOp.DELETE, null, o, new SourcePosition(pos, 0), millis(committed));
  }

  static long millis(LocalDateTime t) {
    return t.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
  }

  static int yyyymmdd(LocalDateTime t) {
    return t.getYear() * 10000 + t.getMonthValue() * 100 + t.getDayOfMonth();
  }
}
