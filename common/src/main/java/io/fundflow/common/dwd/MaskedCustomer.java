package io.fundflow.common.dwd;

import io.fundflow.common.model.Customer;

/**
 * A CUSTOMER row as it may leave the DWD layer and be served: name, ID number and mobile masked
 * (SPEC §2), everything else as the source holds it.
 */
public record MaskedCustomer(
    String clientId,
    String clientName,
    String idKind,
    String idNo,
    String mobile,
    int branchNo,
    int openDate,
    String clientStatus,
    int riskLevel,
    boolean keyClient) {

  /** Masks a source customer. */
  public static MaskedCustomer of(Customer c) {
    return new MaskedCustomer(
        c.clientId(),
        PersonalDataMasks.clientName(c.clientName()),
        c.idKind(),
        PersonalDataMasks.idNo(c.idNo()),
        PersonalDataMasks.mobile(c.mobile()),
        c.branchNo(),
        c.openDate(),
        c.clientStatus(),
        c.riskLevel(),
        c.keyClient());
  }
}
