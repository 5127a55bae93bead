package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.decode.RowChange;
import io.fundflow.realtime.types.JournalVersionSerializer;
import io.fundflow.realtime.types.SerializerTypeInfo;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the current version of each journal row (keyed by INIT_DATE/SERIAL_NO) and turns each
 * newer change into a {@link JournalChange} from the previous version. A change at or before the
 * known position — a duplicate, a replay, a late older version, a late insert after the delete — is
 * dropped and counted.
 */
public final class CurrentVersionFunction
    extends KeyedProcessFunction<String, RowChange<FundJournalEntry>, JournalChange> {

  private static final long serialVersionUID = 1L;

  /**
   * The state's type: a compact serializer (the POJO one was 44% of the job's CPU with the
   * customer-day state, JFR). Its snapshot migrates state the POJO serializer wrote.
   */
  static final TypeInformation<JournalVersion> STATE_TYPE =
      new SerializerTypeInfo<>(JournalVersion.class, JournalVersionSerializer.INSTANCE);

  private final Duration stateTtl;
  private final TypeInformation<JournalVersion> stateType;
  private transient ValueState<JournalVersion> version;
  private transient Counter stale;

  /** @param stateTtl how long a row's version is kept after its last change */
  public CurrentVersionFunction(Duration stateTtl) {
    this(stateTtl, STATE_TYPE);
  }

  /** With another state type: tests write state the way earlier releases did. */
  CurrentVersionFunction(Duration stateTtl, TypeInformation<JournalVersion> stateType) {
    this.stateTtl = stateTtl;
    this.stateType = stateType;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<JournalVersion> descriptor =
        new ValueStateDescriptor<>("journal-version", stateType);
    descriptor.enableTimeToLive(StateTtl.of(stateTtl));
    version = getRuntimeContext().getState(descriptor);
    stale = getRuntimeContext().getMetricGroup().addGroup("dwd").counter("staleChanges");
  }

  @Override
  public void processElement(RowChange<FundJournalEntry> change, Context ctx, Collector<JournalChange> out)
      throws Exception {
    JournalVersion known = version.value();
    if (known != null && !change.position().isAfter(known.position())) {
      stale.inc();
      return;
    }
    FundJournalEntry current = change.op() == ChangeOp.DELETE ? null : change.after();
    FundJournalEntry previous;
    boolean previousCounted;
    if (known != null) {
      previous = known.entry();
      previousCounted = previous != null;
    } else {
      // First sight of this row in the stream's state: what the envelope says it was is only used
      // to remove its old detail row, never to retract sums this stream did not add.
      previous = change.before();
      previousCounted = false;
    }
    version.update(new JournalVersion(change.position(), current));
    if (previous != null || current != null) {
      out.collect(
          new JournalChange(
              previous, previousCounted, current, null, change.position(), change.sourceTimeMillis()));
    }
  }
}
