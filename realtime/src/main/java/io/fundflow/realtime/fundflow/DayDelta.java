package io.fundflow.realtime.fundflow;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDayKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One flow counted into, or taken out of, its customer-day summary.
 *
 * @param key the summary it belongs to
 * @param flow the flow
 * @param add true to count it, false to retract it
 * @param position the source position of the change, which versions the summary's write
 */
public record DayDelta(CustomerDayKey key, FundFlow flow, boolean add, SourcePosition position) {

  /**
   * The deltas of a flow change: retract the previous version if this stream counted it, add the
   * current one. An update may move a flow between summaries (another money type), so the two may
   * have different keys.
   */
  public static List<DayDelta> of(FlowChange change) {
    List<DayDelta> deltas = new ArrayList<>(2);
    if (change.previous() != null && change.previousCounted()) {
      deltas.add(
          new DayDelta(CustomerDayKey.of(change.previous()), change.previous(), false, change.position()));
    }
    if (change.current() != null) {
      deltas.add(
          new DayDelta(CustomerDayKey.of(change.current()), change.current(), true, change.position()));
    }
    return deltas;
  }
}
