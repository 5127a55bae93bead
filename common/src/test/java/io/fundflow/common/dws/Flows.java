package io.fundflow.common.dws;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/** Fund flows for customer-day tests, built through the real DWD builder. */
final class Flows {

  static final String CLIENT = "C00000001";
  static final int DAY = 20261119;
  static final CustomerDayKey KEY = new CustomerDayKey(CLIENT, DAY, MoneyType.CNY);

  private Flows() {}

  static FundFlow flow(long serial, LocalDateTime occurTime, int flag, String amount, String post) {
    return flow(CLIENT, DAY, MoneyType.CNY, serial, occurTime, flag, amount, post);
  }

  static FundFlow flow(
      String client,
      int day,
      MoneyType moneyType,
      long serial,
      LocalDateTime occurTime,
      int flag,
      String amount,
      String post) {
    FundJournalEntry e =
        new FundJournalEntry(
            day, serial, occurTime, client, "F" + client, 1001, moneyType, flag,
            new BigDecimal(amount), new BigDecimal(post), "M01", null);
    return FundFlowBuilder.build(e, Optional.empty(), Optional.empty());
  }

  static LocalDateTime at(int hour, int minute) {
    return LocalDateTime.of(2026, 11, 19, hour, minute);
  }
}
