package io.fundflow.common.changelog;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.SourceRow;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source row as its columns: SPEC column name to value, in {@link SourceSchema} order, each value
 * of the Java type its {@link SourceColumn.Type} names (null for NULL). The inverse of what the
 * decoders build; what the change-log encoders and the day-end writers take.
 */
public final class SourceRowColumns {

  private SourceRowColumns() {}

  /** The table a row belongs to. */
  public static SourceTable tableOf(SourceRow row) {
    if (row instanceof FundJournalEntry) {
      return SourceTable.FUND_JOURNAL;
    } else if (row instanceof Customer) {
      return SourceTable.CUSTOMER;
    } else if (row instanceof Channel) {
      return SourceTable.CHANNEL;
    } else if (row instanceof AdvisoryContract) {
      return SourceTable.ADVISORY_CONTRACT;
    }
    return SourceTable.ADVISORY_ORDER;
  }

  /** The columns of {@code row}, unmodifiable, in SPEC order. */
  public static Map<String, Object> of(SourceRow row) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (row instanceof FundJournalEntry e) {
      c.put("INIT_DATE", e.initDate());
      c.put("SERIAL_NO", e.serialNo());
      c.put("OCCUR_TIME", e.occurTime());
      c.put("CLIENT_ID", e.clientId());
      c.put("FUND_ACCOUNT", e.fundAccount());
      c.put("BRANCH_NO", e.branchNo());
      c.put("MONEY_TYPE", e.moneyType().name());
      c.put("BUSINESS_FLAG", e.businessFlag());
      c.put("OCCUR_BALANCE", e.occurBalance());
      c.put("POST_BALANCE", e.postBalance());
      c.put("CHANNEL", e.channel());
      c.put("REMARK", e.remark());
    } else if (row instanceof Customer cu) {
      c.put("CLIENT_ID", cu.clientId());
      c.put("CLIENT_NAME", cu.clientName());
      c.put("ID_KIND", cu.idKind());
      c.put("ID_NO", cu.idNo());
      c.put("MOBILE", cu.mobile());
      c.put("BRANCH_NO", cu.branchNo());
      c.put("OPEN_DATE", cu.openDate());
      c.put("CLIENT_STATUS", cu.clientStatus());
      c.put("RISK_LEVEL", cu.riskLevel());
      c.put("KEY_CLIENT", cu.keyClient() ? "Y" : "N");
    } else if (row instanceof Channel ch) {
      c.put("CHANNEL_CODE", ch.channelCode());
      c.put("CHANNEL_NAME", ch.channelName());
      c.put("CHANNEL_TYPE", ch.channelType().name());
    } else if (row instanceof AdvisoryContract ac) {
      c.put("CONTRACT_ID", ac.contractId());
      c.put("CLIENT_ID", ac.clientId());
      c.put("PORTFOLIO_CODE", ac.portfolioCode());
      c.put("BRANCH_NO", ac.branchNo());
      c.put("APPLY_TIME", ac.applyTime());
      c.put("SIGN_TIME", ac.signTime());
      c.put("TERMINATE_TIME", ac.terminateTime());
      c.put("STATUS", ac.status().name());
    } else if (row instanceof AdvisoryOrder ao) {
      c.put("ORDER_ID", ao.orderId());
      c.put("CONTRACT_ID", ao.contractId());
      c.put("CLIENT_ID", ao.clientId());
      c.put("PORTFOLIO_CODE", ao.portfolioCode());
      c.put("ORDER_TYPE", ao.orderType().name());
      c.put("AMOUNT", ao.amount());
      c.put("ORDER_TIME", ao.orderTime());
      c.put("TRADE_DATE", ao.tradeDate());
      c.put("STATUS", ao.status().name());
    }
    return Collections.unmodifiableMap(c);
  }
}
