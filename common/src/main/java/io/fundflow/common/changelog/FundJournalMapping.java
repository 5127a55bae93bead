package io.fundflow.common.changelog;

import static io.fundflow.common.changelog.ColumnPresence.KEY;
import static io.fundflow.common.changelog.ColumnPresence.NULLABLE;
import static io.fundflow.common.changelog.ColumnPresence.REQUIRED;

import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.model.SourceRow;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** FUND_JOURNAL columns to {@link FundJournalEntry}; key (INIT_DATE, SERIAL_NO). */
final class FundJournalMapping implements RowMapping {

  static final FundJournalMapping INSTANCE = new FundJournalMapping();

  private static final EnumCodes<MoneyType> MONEY_TYPES = EnumCodes.of(MoneyType.class);
  private static final long NUMBER_12 = 999_999_999_999L;
  private static final long NUMBER_6 = 999_999L;

  private FundJournalMapping() {}

  @Override
  public SourceRow read(RowReader row) {
    int initDate = row.yyyymmdd("INIT_DATE", KEY);
    long serialNo = row.integer("SERIAL_NO", KEY, -NUMBER_12, NUMBER_12);
    LocalDateTime occurTime = row.timestamp("OCCUR_TIME", REQUIRED);
    String clientId = row.code("CLIENT_ID", REQUIRED);
    String fundAccount = row.code("FUND_ACCOUNT", REQUIRED);
    int branchNo = (int) row.integer("BRANCH_NO", REQUIRED, -NUMBER_6, NUMBER_6);
    MoneyType moneyType = row.enumValue("MONEY_TYPE", REQUIRED, MONEY_TYPES);
    int businessFlag = (int) row.integer("BUSINESS_FLAG", REQUIRED, -NUMBER_6, NUMBER_6);
    BigDecimal occurBalance = row.money("OCCUR_BALANCE", REQUIRED);
    BigDecimal postBalance = row.money("POST_BALANCE", REQUIRED);
    String channel = row.code("CHANNEL", NULLABLE);
    String remark = row.text("REMARK", NULLABLE);
    if (row.failed()) {
      return null;
    }
    return new FundJournalEntry(
        initDate,
        serialNo,
        occurTime,
        clientId,
        fundAccount,
        branchNo,
        moneyType,
        businessFlag,
        occurBalance,
        postBalance,
        channel,
        remark);
  }
}
