package io.fundflow.common.dws;

import io.fundflow.common.dwd.FundFlow;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Bulk customer-day summaries for the batch, built with the stream's {@link CustomerDayAccumulator}. */
public final class CustomerDaySummaries {

  private CustomerDaySummaries() {}

  /** The summary of every customer-day the flows (current versions, one per key) fall in. */
  public static Map<CustomerDayKey, CustomerDaySummary> of(Collection<FundFlow> flows) {
    Map<CustomerDayKey, CustomerDayAccumulator> accumulators = new HashMap<>();
    for (FundFlow flow : flows) {
      accumulators
          .computeIfAbsent(CustomerDayKey.of(flow), CustomerDayAccumulator::new)
          .add(flow);
    }
    Map<CustomerDayKey, CustomerDaySummary> out = new HashMap<>();
    accumulators.forEach((k, acc) -> out.put(k, acc.toSummary()));
    return Map.copyOf(out);
  }
}
