package io.fundflow.common.changelog;

import io.fundflow.common.model.SourceRow;

/**
 * How the columns of one source table become its domain record (SPEC §1 column lists). A mapping
 * reads through a {@link RowReader} and returns null when the reader has failed.
 */
interface RowMapping {

  /** The row, or null when {@code row.failed()} after reading. */
  SourceRow read(RowReader row);

  /** The mapping of {@code table}. */
  static RowMapping of(SourceTable table) {
    return switch (table) {
      case FUND_JOURNAL -> FundJournalMapping.INSTANCE;
      case CUSTOMER -> CustomerMapping.INSTANCE;
      case CHANNEL -> ChannelMapping.INSTANCE;
      case ADVISORY_CONTRACT -> AdvisoryContractMapping.INSTANCE;
      case ADVISORY_ORDER -> AdvisoryOrderMapping.INSTANCE;
    };
  }
}
