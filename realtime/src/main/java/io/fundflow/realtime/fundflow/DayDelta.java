package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDayKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What one flow change does to one customer-day summary: take a flow out, count a flow in, or both.
 *
 * <p>An update that stays in its summary is one delta with both, applied at once. Applied as two
 * (retract, then add), the update of a day's only entry would first empty the day — a row delete at
 * the change's version — then put the summary back at that same version, and HBase masks a put
 * whose timestamp equals a delete marker's: the summary would vanish.
 *
 * @param key the summary it belongs to
 * @param retracted the flow to take out, or null
 * @param added the flow to count in, or null
 * @param position the source position of the change, which versions the summary's write
 */
public record DayDelta(
    CustomerDayKey key, FundFlow retracted, FundFlow added, SourcePosition position) {

  public DayDelta {
    if (retracted == null && added == null) {
      throw new IllegalArgumentException("a delta retracts or adds a flow");
    }
  }

  /** A delta that only adds ({@code add}) or only retracts {@code flow}. */
  public DayDelta(CustomerDayKey key, FundFlow flow, boolean add, SourcePosition position) {
    this(key, add ? null : flow, add ? flow : null, position);
  }

  /**
   * The deltas of a flow change: retract the previous version if this stream counted it, add the
   * current one — one delta when both belong to the same summary, two when an update moves the
   * flow to another summary (another money type or trading day).
   */
  public static List<DayDelta> of(FlowChange change) {
    FundFlow retracted = change.previous() != null && change.previousCounted() ? change.previous() : null;
    FundFlow added = change.current();
    List<DayDelta> deltas = new ArrayList<>(2);
    if (retracted != null && added != null && CustomerDayKey.of(retracted).equals(CustomerDayKey.of(added))) {
      deltas.add(new DayDelta(CustomerDayKey.of(added), retracted, added, change.position()));
      return deltas;
    }
    if (retracted != null) {
      deltas.add(new DayDelta(CustomerDayKey.of(retracted), retracted, null, change.position()));
    }
    if (added != null) {
      deltas.add(new DayDelta(CustomerDayKey.of(added), null, added, change.position()));
    }
    return deltas;
  }
}
