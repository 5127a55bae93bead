package io.fundflow.common.model;

/**
 * A customer of the brokerage (SPEC §1 CUSTOMER), key CLIENT_ID, as the counter system holds it:
 * unmasked. Mask before it leaves the DWD layer.
 */
public record Customer(
    String clientId,
    String clientName,
    String idKind,
    String idNo,
    String mobile,
    int branchNo,
    int openDate,
    String clientStatus,
    int riskLevel,
    boolean keyClient)
    implements SourceRow {

  @Override
  public String primaryKey() {
    return clientId;
  }
}
