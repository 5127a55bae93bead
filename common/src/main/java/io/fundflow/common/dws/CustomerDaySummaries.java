package io.fundflow.common.dws;

import io.fundflow.common.dwd.FundFlow;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Bulk customer-day summaries for the batch, built with the stream's {@link CustomerDayAccumulator}:
 * flows are added one by one (current versions, one per key), in any order, and every customer-day
 * they fall in gets its summary.
 */
public final class CustomerDaySummaries {

  private final Map<CustomerDayKey, CustomerDayAccumulator> accumulators = new HashMap<>();

  /** Counts one flow into the summary of its customer-day. */
  public CustomerDaySummaries add(FundFlow flow) {
    return add(SummaryFigures.of(flow));
  }

  /** Counts one flow, given by its summary figures alone, into the summary of its customer-day. */
  public CustomerDaySummaries add(SummaryFigures flow) {
    accumulators.computeIfAbsent(flow.key(), CustomerDayAccumulator::new).add(flow);
    return this;
  }

  /** The summary of every customer-day the flows added so far fall in. */
  public Map<CustomerDayKey, CustomerDaySummary> summaries() {
    Map<CustomerDayKey, CustomerDaySummary> out = new HashMap<>();
    accumulators.forEach((k, acc) -> out.put(k, acc.toSummary()));
    return Map.copyOf(out);
  }

  /** The summary of every customer-day the flows (current versions, one per key) fall in. */
  public static Map<CustomerDayKey, CustomerDaySummary> of(Collection<FundFlow> flows) {
    CustomerDaySummaries summaries = new CustomerDaySummaries();
    flows.forEach(summaries::add);
    return summaries.summaries();
  }
}
