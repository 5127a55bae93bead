package io.fundflow.common.dws;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.io.Serializable;
import java.util.Objects;

/** The grain of the customer-day summary (SPEC §2 DWS): (CLIENT_ID, INIT_DATE, MONEY_TYPE). */
public record CustomerDayKey(String clientId, int initDate, MoneyType moneyType)
    implements Serializable {

  public CustomerDayKey {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(moneyType, "moneyType");
  }

  /** The summary a flow counts in. */
  public static CustomerDayKey of(FundFlow flow) {
    return new CustomerDayKey(flow.clientId(), flow.initDate(), flow.moneyType());
  }
}
