package io.fundflow.generator;

import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One journal entry the stream got wrong, and what the nightly correction must leave.
 *
 * @param kind how the stream got it wrong
 * @param initDate INIT_DATE of the entry
 * @param serialNo SERIAL_NO of the entry
 * @param clientId the customer hit
 * @param fundAccount the cash account
 * @param moneyType the entry's currency
 * @param businessFlag the entry's business flag
 * @param occurTime OCCUR_TIME of the entry
 * @param expectedAmount the day-end OCCUR_BALANCE; null for {@link FaultKind#ROLLED_BACK}
 * @param streamedAmount the OCCUR_BALANCE of the stream's last version; null for {@link
 *     FaultKind#MISSING}
 */
public record Fault(
    FaultKind kind,
    int initDate,
    long serialNo,
    String clientId,
    String fundAccount,
    MoneyType moneyType,
    int businessFlag,
    LocalDateTime occurTime,
    BigDecimal expectedAmount,
    BigDecimal streamedAmount) {

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clientId, "clientId");
    if ((expectedAmount == null) != (kind == FaultKind.ROLLED_BACK)) {
      throw new IllegalArgumentException(kind + ": expectedAmount null exactly when rolled back");
    }
    if ((streamedAmount == null) != (kind == FaultKind.MISSING)) {
      throw new IllegalArgumentException(kind + ": streamedAmount null exactly when missing");
    }
  }

  /** The journal key, {@code initDate/serialNo}, as {@code FundJournalEntry.primaryKey()}. */
  public String primaryKey() {
    return initDate + "/" + serialNo;
  }
}
