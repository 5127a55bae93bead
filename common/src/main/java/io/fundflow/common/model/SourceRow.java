package io.fundflow.common.model;

/** A row of one of the counter system's source tables, as carried by the change log. */
public sealed interface SourceRow
    permits FundJournalEntry, Customer, Channel, AdvisoryContract, AdvisoryOrder {

  /** The row's primary key, rendered as text, stable across versions of the row. */
  String primaryKey();
}
