package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.SourceColumn.Type.INT32;
import static io.fundflow.common.changelog.SourceColumn.Type.INT64;
import static io.fundflow.common.changelog.SourceColumn.Type.MONEY;
import static io.fundflow.common.changelog.SourceColumn.Type.TEXT;
import static io.fundflow.common.changelog.SourceColumn.Type.TIMESTAMP;

import java.util.List;
import java.util.Map;

/**
 * The columns of each counter-system source table in SPEC §1 order, as the DDL of {@code
 * V1__platform_schema.sql} declares them. The order is the order of CSV headers, JDBC column lists
 * and change-log row images.
 */
public final class SourceSchema {

  private static final Map<SourceTable, List<SourceColumn>> COLUMNS =
      Map.of(
          SourceTable.FUND_JOURNAL,
          List.of(
              key("INIT_DATE", INT32),
              key("SERIAL_NO", INT64),
              required("OCCUR_TIME", TIMESTAMP),
              required("CLIENT_ID", TEXT),
              required("FUND_ACCOUNT", TEXT),
              required("BRANCH_NO", INT32),
              required("MONEY_TYPE", TEXT),
              required("BUSINESS_FLAG", INT32),
              required("OCCUR_BALANCE", MONEY),
              optional("POST_BALANCE", MONEY),
              optional("CHANNEL", TEXT),
              optional("REMARK", TEXT)),
          SourceTable.CUSTOMER,
          List.of(
              key("CLIENT_ID", TEXT),
              optional("CLIENT_NAME", TEXT),
              optional("ID_KIND", TEXT),
              optional("ID_NO", TEXT),
              optional("MOBILE", TEXT),
              required("BRANCH_NO", INT32),
              optional("OPEN_DATE", INT32),
              required("CLIENT_STATUS", TEXT),
              optional("RISK_LEVEL", INT32),
              required("KEY_CLIENT", TEXT)),
          SourceTable.CHANNEL,
          List.of(
              key("CHANNEL_CODE", TEXT),
              required("CHANNEL_NAME", TEXT),
              required("CHANNEL_TYPE", TEXT)),
          SourceTable.ADVISORY_CONTRACT,
          List.of(
              key("CONTRACT_ID", TEXT),
              required("CLIENT_ID", TEXT),
              required("PORTFOLIO_CODE", TEXT),
              required("BRANCH_NO", INT32),
              required("APPLY_TIME", TIMESTAMP),
              optional("SIGN_TIME", TIMESTAMP),
              optional("TERMINATE_TIME", TIMESTAMP),
              required("STATUS", TEXT)),
          SourceTable.ADVISORY_ORDER,
          List.of(
              key("ORDER_ID", TEXT),
              required("CONTRACT_ID", TEXT),
              required("CLIENT_ID", TEXT),
              required("PORTFOLIO_CODE", TEXT),
              required("ORDER_TYPE", TEXT),
              required("AMOUNT", MONEY),
              required("ORDER_TIME", TIMESTAMP),
              required("TRADE_DATE", INT32),
              required("STATUS", TEXT)));

  private SourceSchema() {}

  /** The columns of {@code table}, in SPEC order. */
  public static List<SourceColumn> columns(SourceTable table) {
    return COLUMNS.get(table);
  }

  /** The primary-key columns of {@code table}, in order. */
  public static List<SourceColumn> keyColumns(SourceTable table) {
    return columns(table).stream().filter(SourceColumn::key).toList();
  }

  private static SourceColumn key(String name, SourceColumn.Type type) {
    return new SourceColumn(name, type, true, false);
  }

  private static SourceColumn required(String name, SourceColumn.Type type) {
    return new SourceColumn(name, type, false, false);
  }

  private static SourceColumn optional(String name, SourceColumn.Type type) {
    return new SourceColumn(name, type, false, true);
  }
}
