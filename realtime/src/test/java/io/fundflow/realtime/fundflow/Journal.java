package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.realtime.decode.RowChange;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Journal rows and changes for tests. */
final class Journal {

  private Journal() {}

  static FundJournalEntry entry(long serial, String client, String amount) {
    return entry(serial, client, amount, LocalDateTime.of(2026, 11, 19, 9, 30).plusSeconds(serial % 3600));
  }

  static FundJournalEntry entry(long serial, String client, String amount, LocalDateTime at) {
    BigDecimal amt = new BigDecimal(amount);
    return new FundJournalEntry(
        20261119,
        serial,
        at,
        client,
        "6" + client,
        3101,
        MoneyType.CNY,
        amt.signum() >= 0 ? 2041 : 2042,
        amt,
        new BigDecimal("100000.00").add(amt),
        "7",
        "remark " + serial);
  }

  static RowChange<FundJournalEntry> insert(FundJournalEntry e, long position) {
    return new RowChange<>(ChangeOp.INSERT, null, e, new SourcePosition(position, 0), 1_000L);
  }

  static RowChange<FundJournalEntry> update(FundJournalEntry before, FundJournalEntry after, long position) {
    return new RowChange<>(ChangeOp.UPDATE, before, after, new SourcePosition(position, 0), 2_000L);
  }

  static RowChange<FundJournalEntry> delete(FundJournalEntry before, long position) {
    return new RowChange<>(ChangeOp.DELETE, before, null, new SourcePosition(position, 0), 3_000L);
  }
}
