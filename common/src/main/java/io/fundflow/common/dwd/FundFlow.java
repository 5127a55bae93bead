package io.fundflow.common.dwd;

import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A DWD fund flow (topic {@code dwd.fund_flow}, HBase details): one validated journal entry with
 * REMARK scrubbed, classified, and enriched from the CUSTOMER and CHANNEL dimensions. Build it with
 * {@link FundFlowBuilder}.
 *
 * <p>Amounts have scale 2. The dimension columns are null when the dimension row was absent:
 * {@code customerBranchNo}, {@code riskLevel}, {@code keyClient} and {@code clientName} (masked)
 * from CUSTOMER, {@code channelName} from CHANNEL.
 */
public record FundFlow(
    int initDate,
    long serialNo,
    LocalDateTime occurTime,
    String clientId,
    String fundAccount,
    int branchNo,
    MoneyType moneyType,
    int businessFlag,
    BigDecimal occurBalance,
    BigDecimal postBalance,
    String channel,
    String remark,
    Category category,
    Direction direction,
    boolean signMismatch,
    Integer customerBranchNo,
    Integer riskLevel,
    Boolean keyClient,
    String clientName,
    String channelName) {

  /** The flow's identity (INIT_DATE, SERIAL_NO). */
  public FlowKey key() {
    return new FlowKey(initDate, serialNo);
  }
}
