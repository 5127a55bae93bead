package io.fundflow.common.changelog;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.SourceRow;
import java.util.Locale;
import java.util.Optional;

/** The counter system's tables that reach the platform through the change log. */
public enum SourceTable {
  FUND_JOURNAL(FundJournalEntry.class),
  CUSTOMER(Customer.class),
  CHANNEL(Channel.class),
  ADVISORY_CONTRACT(AdvisoryContract.class),
  ADVISORY_ORDER(AdvisoryOrder.class);

  private final Class<? extends SourceRow> rowType;

  SourceTable(Class<? extends SourceRow> rowType) {
    this.rowType = rowType;
  }

  /** The record type a row of this table decodes to. */
  public Class<? extends SourceRow> rowType() {
    return rowType;
  }

  /** The ODS topic that carries this table's change log, e.g. {@code ods.fund_journal}. */
  public String odsTopic() {
    return "ods." + name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds a table by the name a change-log envelope gives it: bare ({@code FUND_JOURNAL}) or
   * schema-qualified ({@code CTS.FUND_JOURNAL}), any case.
   */
  public static Optional<SourceTable> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String bare = name.substring(name.lastIndexOf('.') + 1).trim().toUpperCase(Locale.ROOT);
    for (SourceTable t : values()) {
      if (t.name().equals(bare)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Finds the table whose ODS topic this is. */
  public static Optional<SourceTable> byOdsTopic(String topic) {
    for (SourceTable t : values()) {
      if (t.odsTopic().equals(topic)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
