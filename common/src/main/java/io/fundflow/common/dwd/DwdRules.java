package io.fundflow.common.dwd;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.SourceRow;

/** The DWD validation of any source row: the one entry point the stream and the batch call. */
public final class DwdRules {

  private DwdRules() {}

  /** The row's violations; dimension rows (customers, channels) have no DWD rules of their own. */
  public static ValidationResult validate(SourceRow row) {
    if (row instanceof FundJournalEntry e) {
      return FundJournalValidator.validate(e);
    }
    if (row instanceof AdvisoryOrder o) {
      return AdvisoryValidator.validate(o);
    }
    if (row instanceof AdvisoryContract c) {
      return AdvisoryValidator.validate(c);
    }
    return ValidationResult.valid();
  }
}
