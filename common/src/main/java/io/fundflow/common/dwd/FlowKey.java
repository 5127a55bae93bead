package io.fundflow.common.dwd;

import io.fundflow.common.model.FundJournalEntry;
import java.util.Comparator;

/** The identity of a fund flow: the journal's key (INIT_DATE, SERIAL_NO), ordered by both. */
public record FlowKey(int initDate, long serialNo) implements Comparable<FlowKey> {

  private static final Comparator<FlowKey> ORDER =
      Comparator.comparingInt(FlowKey::initDate).thenComparingLong(FlowKey::serialNo);

  /** The key of a journal entry. */
  public static FlowKey of(FundJournalEntry entry) {
    return new FlowKey(entry.initDate(), entry.serialNo());
  }

  @Override
  public int compareTo(FlowKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return initDate + "/" + serialNo;
  }
}
