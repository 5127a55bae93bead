package io.fundflow.common.model;

import java.io.Serializable;

/**
 * A row of one of the counter system's source tables, as carried by the change log. Serializable
 * because the batch job hands parsed dimension rows to its tasks.
 */
public sealed interface SourceRow extends Serializable
    permits FundJournalEntry, Customer, Channel, AdvisoryContract, AdvisoryOrder {

  /** The row's primary key, rendered as text, stable across versions of the row. */
  String primaryKey();
}
