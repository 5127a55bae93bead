package io.fundflow.realtime.fundflow;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.decode.RowChange;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins journal changes with the CUSTOMER dimension, both keyed by CLIENT_ID, and builds the DWD
 * flows with the common rules (classify, scrub, mask, enrich). A customer change applies to the
 * flows processed after it; flows already written keep the attributes they were built with until
 * the nightly correction rebuilds the day.
 */
public final class CustomerJoinFunction
    extends KeyedCoProcessFunction<String, JournalChange, RowChange<Customer>, FlowChange> {

  private static final long serialVersionUID = 1L;

  private transient ValueState<DimensionVersion<Customer>> customer;
  private transient Counter flowsOut;
  private transient Counter withoutCustomer;

  @Override
  public void open(OpenContext openContext) {
    customer =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>(
                    "customer", TypeInformation.of(new TypeHint<DimensionVersion<Customer>>() {})));
    MetricGroup dwd = getRuntimeContext().getMetricGroup().addGroup("dwd");
    flowsOut = dwd.counter("flowsOut");
    withoutCustomer = dwd.counter("flowsWithoutCustomer");
  }

  @Override
  public void processElement1(JournalChange change, Context ctx, Collector<FlowChange> out)
      throws Exception {
    DimensionVersion<Customer> known = customer.value();
    Optional<Customer> c = Optional.ofNullable(known).map(DimensionVersion::row);
    FundFlow current =
        change.current() == null
            ? null
            : FundFlowBuilder.build(change.current(), c, Optional.ofNullable(change.channel()));
    flowsOut.inc();
    if (current != null && c.isEmpty()) {
      withoutCustomer.inc();
    }
    out.collect(
        new FlowChange(
            bare(change.previous()),
            change.previousCounted(),
            current,
            change.position(),
            change.sourceTimeMillis()));
  }

  @Override
  public void processElement2(RowChange<Customer> change, Context ctx, Collector<FlowChange> out)
      throws Exception {
    customer.update(DimensionVersion.apply(customer.value(), change));
  }

  private static FundFlow bare(FundJournalEntry entry) {
    return entry == null ? null : FundFlowBuilder.build(entry, Optional.empty(), Optional.empty());
  }
}
