package io.fundflow.generator;

import io.fundflow.common.model.FundJournalEntry;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One fund-journal entry while the day is being planned: mutable until the planner has fixed its
 * amount, balance and serial; then read into {@link FundJournalEntry} versions.
 */
final class JournalItem {

  /** What becomes of the entry between the stream and the day-end data. */
  enum Fate {
    /** Inserted once, unchanged. */
    NORMAL,
    /** Inserted with a provisional REMARK and CHANNEL, later updated to its final value. */
    UPDATED,
    /** Inserted, then deleted in the source (cancelled): absent from day-end. */
    DELETED,
    /** The commission of a trade. */
    FEE,
    /** A later entry that reverses an earlier one's amount. */
    REVERSAL,
    /** Fault: in day-end, never sent. */
    MISSING,
    /** Fault: sent with another amount than day-end holds. */
    WRONG_AMOUNT,
    /** Fault: sent, then rolled back in the source without a change-log record. */
    ROLLED_BACK;

    /** True when the entry is in the day-end data (and moves the account's balance). */
    boolean inDayEnd() {
      return this != DELETED && this != ROLLED_BACK;
    }
  }

  final Population.Account account;
  final int seq;
  LocalDateTime time;
  int flag;
  Fate fate;
  JournalItem parent;
  String channel;
  String remark;
  BigDecimal amount;
  BigDecimal postBalance;
  BigDecimal streamedAmount;
  long serialNo;
  boolean goldenGate;
  boolean wrapped;

  JournalItem(Population.Account account, int seq, LocalDateTime time, int flag, Fate fate) {
    this.account = account;
    this.seq = seq;
    this.time = time;
    this.flag = flag;
    this.fate = fate;
  }

  /** The entry as day-end holds it (or as the stream would, for transient fates). */
  FundJournalEntry entry(int initDate) {
    return new FundJournalEntry(
        initDate,
        serialNo,
        time,
        account.owner().clientId(),
        account.fundAccount(),
        account.owner().branchNo(),
        account.moneyType(),
        flag,
        amount,
        postBalance,
        channel,
        remark);
  }

  /** The entry with another amount and the balance that follows from it. */
  FundJournalEntry entryWithAmount(int initDate, BigDecimal otherAmount) {
    BigDecimal post = postBalance.add(otherAmount.subtract(amount));
    return new FundJournalEntry(
        initDate,
        serialNo,
        time,
        account.owner().clientId(),
        account.fundAccount(),
        account.owner().branchNo(),
        account.moneyType(),
        flag,
        otherAmount,
        post,
        channel,
        remark);
  }
}
