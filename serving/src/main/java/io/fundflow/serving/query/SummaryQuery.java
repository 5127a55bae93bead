package io.fundflow.serving.query;

import io.fundflow.common.model.MoneyType;
import java.time.LocalDateTime;

/** One validated summary query: a customer, [from, to) on OCCUR_TIME, one currency. */
public record SummaryQuery(
    String clientId, LocalDateTime from, LocalDateTime to, MoneyType moneyType) {}
