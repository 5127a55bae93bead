package io.fundflow.common.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One entry of the cash journal (SPEC §1 FUND_JOURNAL), key (INIT_DATE, SERIAL_NO).
 *
 * <p>Amounts are exact decimals with scale 2; {@code occurTime} is Asia/Shanghai local time;
 * {@code remark} and {@code channel} may be null.
 */
public record FundJournalEntry(
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
    String remark)
    implements SourceRow {

  @Override
  public String primaryKey() {
    return initDate + "/" + serialNo;
  }
}
