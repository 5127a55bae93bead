package io.fundflow.common.model;

import java.time.LocalDateTime;

/**
 * A fund-advisory contract (SPEC §1 ADVISORY_CONTRACT), key CONTRACT_ID. {@code signTime} is null
 * until signed, {@code terminateTime} until terminated; times are Asia/Shanghai local time.
 */
public record AdvisoryContract(
    String contractId,
    String clientId,
    String portfolioCode,
    int branchNo,
    LocalDateTime applyTime,
    LocalDateTime signTime,
    LocalDateTime terminateTime,
    ContractStatus status)
    implements SourceRow {

  @Override
  public String primaryKey() {
    return contractId;
  }
}
