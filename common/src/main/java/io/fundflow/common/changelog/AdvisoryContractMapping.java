package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.ColumnPresence.KEY;
import static io.fundflow.common.changelog.ColumnPresence.NULLABLE;
import static io.fundflow.common.changelog.ColumnPresence.REQUIRED;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.SourceRow;
import java.time.LocalDateTime;

/** ADVISORY_CONTRACT columns to {@link AdvisoryContract}; key CONTRACT_ID. */
final class AdvisoryContractMapping implements RowMapping {

  static final AdvisoryContractMapping INSTANCE = new AdvisoryContractMapping();

  private static final EnumCodes<ContractStatus> STATUSES = EnumCodes.of(ContractStatus.class);
  private static final long NUMBER_6 = 999_999L;

  private AdvisoryContractMapping() {}

  @Override
  public SourceRow read(RowReader row) {
    String contractId = row.code("CONTRACT_ID", KEY);
    String clientId = row.code("CLIENT_ID", REQUIRED);
    String portfolioCode = row.code("PORTFOLIO_CODE", REQUIRED);
    int branchNo = (int) row.integer("BRANCH_NO", REQUIRED, -NUMBER_6, NUMBER_6);
    LocalDateTime applyTime = row.timestamp("APPLY_TIME", REQUIRED);
    LocalDateTime signTime = row.timestamp("SIGN_TIME", NULLABLE);
    LocalDateTime terminateTime = row.timestamp("TERMINATE_TIME", NULLABLE);
    ContractStatus status = row.enumValue("STATUS", REQUIRED, STATUSES);
    if (row.failed()) {
      return null;
    }
    return new AdvisoryContract(
        contractId, clientId, portfolioCode, branchNo, applyTime, signTime, terminateTime, status);
  }
}
