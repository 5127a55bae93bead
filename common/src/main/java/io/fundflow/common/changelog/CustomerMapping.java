package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.ColumnPresence.KEY;
import static io.fundflow.common.changelog.ColumnPresence.NULLABLE;
import static io.fundflow.common.changelog.ColumnPresence.REQUIRED;

import io.fundflow.common.model.Customer;
import io.fundflow.common.model.SourceRow;

/**
 * CUSTOMER columns to {@link Customer}; key CLIENT_ID. CLIENT_STATUS is kept as its code: the
 * counter system has more statuses than the two SPEC §1 names, and rules decide what they mean.
 */
final class CustomerMapping implements RowMapping {

  static final CustomerMapping INSTANCE = new CustomerMapping();

  private static final long NUMBER_6 = 999_999L;

  private CustomerMapping() {}

  @Override
  public SourceRow read(RowReader row) {
    String clientId = row.code("CLIENT_ID", KEY);
    String clientName = row.text("CLIENT_NAME", NULLABLE);
    String idKind = row.code("ID_KIND", NULLABLE);
    String idNo = row.code("ID_NO", NULLABLE);
    String mobile = row.code("MOBILE", NULLABLE);
    int branchNo = (int) row.integer("BRANCH_NO", REQUIRED, -NUMBER_6, NUMBER_6);
    int openDate = row.yyyymmdd("OPEN_DATE", REQUIRED);
    String clientStatus = row.code("CLIENT_STATUS", REQUIRED);
    int riskLevel = row.level("RISK_LEVEL", REQUIRED, 1, 5);
    boolean keyClient = row.yesNo("KEY_CLIENT", REQUIRED);
    if (row.failed()) {
      return null;
    }
    return new Customer(
        clientId,
        clientName,
        idKind,
        idNo,
        mobile,
        branchNo,
        openDate,
        clientStatus,
        riskLevel,
        keyClient);
  }
}
