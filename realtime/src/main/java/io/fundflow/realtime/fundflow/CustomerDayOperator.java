package io.fundflow.realtime.fundflow;

import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.realtime.types.CustomerDayAccumulatorSerializer;
import io.fundflow.realtime.types.SerializerTypeInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keeps the customer-day accumulator of the common rules in keyed state (keyed by the customer-day)
 * and emits the summaries of the customer-days that changed, at most once per emit interval each.
 *
 * <p>A busy customer's day changes with every flow; writing its whole summary to HBase and Kafka
 * each time was half of the job's HBase writes. Every delta still updates the state at once; only
 * the summary's emission waits, for at most the interval. The customer-days changed since the last
 * emission are kept in memory only: they are all emitted before every checkpoint barrier and at the
 * end of input, so a checkpoint never holds a change whose summary was not emitted. An interval of
 * zero emits after every delta.
 *
 * <p>When every entry of a day is retracted the accumulator is cleared and the update carries no
 * summary; the version stays, so later writes never go below it.
 */
public final class CustomerDayOperator extends AbstractStreamOperator<CustomerDayUpdate>
    implements OneInputStreamOperator<DayDelta, CustomerDayUpdate>, BoundedOneInput {

  private static final long serialVersionUID = 1L;

  /**
   * The accumulator's state type: a compact serializer instead of Kryo (which, with the journal
   * versions, was 44% of the job's CPU, JFR). Its snapshot migrates state Kryo wrote.
   */
  static final TypeInformation<CustomerDayAccumulator> STATE_TYPE =
      new SerializerTypeInfo<>(
          CustomerDayAccumulator.class, CustomerDayAccumulatorSerializer.INSTANCE);

  /** State names: part of the savepoint format (they were the keyed function's), never change them. */
  static final String ACCUMULATOR_STATE = "customer-day";

  static final String VERSION_STATE = "customer-day-version";

  private final Duration stateTtl;
  private final long emitIntervalMillis;
  private final TypeInformation<CustomerDayAccumulator> stateType;

  private transient ValueState<CustomerDayAccumulator> accumulator;
  private transient ValueState<Long> version;
  /**
   * The customer-days changed since the last emission, by state key, with the accumulator and
   * version they were left at: emitting needs no state read (the reads were a fifth of this
   * operator's samples, JFR).
   */
  private transient Map<Object, Pending> changed;
  private transient boolean emissionScheduled;
  private transient StreamRecord<CustomerDayUpdate> reuse;
  private transient Counter deltasIn;
  private transient Counter summariesOut;

  /**
   * @param stateTtl how long a customer-day is kept after its last change
   * @param emitInterval longest a changed summary waits to be emitted; zero emits every change
   */
  public CustomerDayOperator(Duration stateTtl, Duration emitInterval) {
    this(stateTtl, emitInterval, STATE_TYPE);
  }

  /** With another accumulator state type: tests write state the way earlier releases did. */
  CustomerDayOperator(
      Duration stateTtl, Duration emitInterval, TypeInformation<CustomerDayAccumulator> stateType) {
    if (emitInterval.isNegative()) {
      throw new IllegalArgumentException("emit interval must not be negative: " + emitInterval);
    }
    this.stateTtl = stateTtl;
    this.emitIntervalMillis = emitInterval.toMillis();
    this.stateType = stateType;
  }

  @Override
  public void open() throws Exception {
    super.open();
    StateTtlConfig ttl = StateTtl.of(stateTtl);
    ValueStateDescriptor<CustomerDayAccumulator> acc =
        new ValueStateDescriptor<>(ACCUMULATOR_STATE, stateType);
    acc.enableTimeToLive(ttl);
    ValueStateDescriptor<Long> ver = new ValueStateDescriptor<>(VERSION_STATE, Types.LONG);
    ver.enableTimeToLive(ttl);
    accumulator = getRuntimeContext().getState(acc);
    version = getRuntimeContext().getState(ver);
    changed = new LinkedHashMap<>();
    reuse = new StreamRecord<>(null);
    MetricGroup dws = getRuntimeContext().getMetricGroup().addGroup("dws");
    deltasIn = dws.counter("deltasIn");
    summariesOut = dws.counter("summariesOut");
    dws.gauge("pendingSummaries", () -> changed.size());
  }

  @Override
  public void processElement(StreamRecord<DayDelta> element) throws Exception {
    DayDelta delta = element.getValue();
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
    deltasIn.inc();
    // Never below an earlier write: entries of one customer reach this operator through different
    // upstream subtasks, so positions arrive out of order. Equal versions are fine: the later put
    // wins, and an emptied day is written as an empty cell, never a delete (CustomerDayRows.empty).
    long v = Math.max(known == null ? 0L : known, CellVersion.stream(delta.position()));
    version.update(v);
    if (acc.isEmpty()) {
      accumulator.clear();
      acc = null;
    } else {
      accumulator.update(acc);
    }
    if (emitIntervalMillis == 0) {
      emit(delta.key(), acc, v);
      return;
    }
    changed.put(getCurrentKey(), new Pending(delta.key(), acc, v));
    if (!emissionScheduled) {
      emissionScheduled = true;
      long now = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService()
          .registerTimer(
              now + emitIntervalMillis,
              time -> {
                emissionScheduled = false;
                emitChanged();
              });
    }
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    emitChanged();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void endInput() throws Exception {
    emitChanged();
  }

  private void emitChanged() throws Exception {
    if (changed.isEmpty()) {
      return;
    }
    for (Pending p : changed.values()) {
      emit(p.key(), p.acc(), p.version());
    }
    changed.clear();
  }

  /** A changed customer-day waiting to be emitted; {@code acc} is null when it was emptied. */
  private record Pending(CustomerDayKey key, CustomerDayAccumulator acc, long version) {}

  /** Emits a customer-day's summary: none when {@code acc} is null (every entry retracted). */
  private void emit(CustomerDayKey key, CustomerDayAccumulator acc, long v) {
    summariesOut.inc();
    output.collect(
        reuse.replace(
            new CustomerDayUpdate(key, acc == null ? null : acc.toSummary(), v)));
  }
}
