package io.fundflow.common.dwd;

import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A valid journal entry to vary in tests. */
final class JournalEntries {

  private JournalEntries() {}

  static FundJournalEntry valid() {
    return new FundJournalEntry(
        20261119,
        700001L,
        LocalDateTime.of(2026, 11, 19, 9, 31, 2),
        "C00000001",
        "F00000001",
        1001,
        MoneyType.CNY,
        2041,
        new BigDecimal("50000.00"),
        new BigDecimal("150000.00"),
        "M01",
        "银证转入");
  }

  static FundJournalEntry withAmount(int businessFlag, String amount) {
    FundJournalEntry e = valid();
    return new FundJournalEntry(
        e.initDate(), e.serialNo(), e.occurTime(), e.clientId(), e.fundAccount(), e.branchNo(),
        e.moneyType(), businessFlag, new BigDecimal(amount), e.postBalance(), e.channel(),
        e.remark());
  }
}
