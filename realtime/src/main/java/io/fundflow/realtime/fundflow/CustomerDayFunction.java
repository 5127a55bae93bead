package io.fundflow.realtime.fundflow;

import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.realtime.types.CustomerDayAccumulatorSerializer;
import io.fundflow.realtime.types.SerializerTypeInfo;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the customer-day accumulator of the common rules in keyed state and emits the summary after
 * every delta. When every entry of a day is retracted the accumulator is cleared and the update
 * carries no summary; the version stays, so later writes never go below it.
 */
public final class CustomerDayFunction
    extends KeyedProcessFunction<String, DayDelta, CustomerDayUpdate> {

  private static final long serialVersionUID = 1L;

  /**
   * The accumulator's state type: a compact serializer instead of Kryo (which, with the journal
   * versions, was 44% of the job's CPU, JFR). Its snapshot migrates state Kryo wrote.
   */
  static final TypeInformation<CustomerDayAccumulator> STATE_TYPE =
      new SerializerTypeInfo<>(
          CustomerDayAccumulator.class, CustomerDayAccumulatorSerializer.INSTANCE);

  private final Duration stateTtl;
  private final TypeInformation<CustomerDayAccumulator> stateType;
  private transient ValueState<CustomerDayAccumulator> accumulator;
  private transient ValueState<Long> version;
  private transient Counter summariesOut;

  /** @param stateTtl how long a customer-day is kept after its last change */
  public CustomerDayFunction(Duration stateTtl) {
    this(stateTtl, STATE_TYPE);
  }

  /** With another accumulator state type: tests write state the way earlier releases did. */
  CustomerDayFunction(Duration stateTtl, TypeInformation<CustomerDayAccumulator> stateType) {
    this.stateTtl = stateTtl;
    this.stateType = stateType;
  }

  @Override
  public void open(OpenContext openContext) {
    StateTtlConfig ttl = StateTtl.of(stateTtl);
    ValueStateDescriptor<CustomerDayAccumulator> acc =
        new ValueStateDescriptor<>("customer-day", stateType);
    acc.enableTimeToLive(ttl);
    ValueStateDescriptor<Long> ver = new ValueStateDescriptor<>("customer-day-version", Types.LONG);
    ver.enableTimeToLive(ttl);
    accumulator = getRuntimeContext().getState(acc);
    version = getRuntimeContext().getState(ver);
    summariesOut = getRuntimeContext().getMetricGroup().addGroup("dws").counter("summariesOut");
  }

  @Override
  public void processElement(DayDelta delta, Context ctx, Collector<CustomerDayUpdate> out)
      throws Exception {
    CustomerDayAccumulator acc = accumulator.value();
    Long known = version.value();
    if (acc == null) {
      acc = new CustomerDayAccumulator(delta.key());
    }
    if (delta.retracted() != null) {
      acc.retract(delta.retracted());
    }
    if (delta.added() != null) {
      acc.add(delta.added());
    }
    summariesOut.inc();
    // Never below an earlier write: entries of one customer reach this operator through different
    // upstream subtasks, so positions arrive out of order. Equal versions are fine: the later put
    // wins, and an emptied day is written as an empty cell, never a delete (CustomerDayRows.empty).
    long v = Math.max(known == null ? 0L : known, CellVersion.stream(delta.position()));
    if (acc.isEmpty()) {
      accumulator.clear();
      version.update(v);
      out.collect(new CustomerDayUpdate(delta.key(), null, v));
    } else {
      accumulator.update(acc);
      version.update(v);
      out.collect(new CustomerDayUpdate(delta.key(), acc.toSummary(), v));
    }
  }
}
