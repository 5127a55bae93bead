package io.fundflow.realtime.advisory;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by contract or order ({@link AdvisoryChange#rowKey()}): drops duplicates and versions older
 * than the one applied, and routes each newer change to the portfolio it belongs to. When a row's
 * PORTFOLIO_CODE changes between versions, the portfolio it left gets a retraction (a delete at the
 * same position) besides the new portfolio getting the change, so the row is never counted twice.
 *
 * <p>This has to happen per row, upstream of the per-portfolio books: a book only sees the versions
 * filed under its own portfolio, so it could not tell that a row moved away, nor that an insert
 * arriving late belongs to a row already updated elsewhere. The last position of a deleted row is
 * kept (a tombstone), so a late insert after its delete is ignored too; this state has no TTL
 * because contracts live for years and a move may come at any time.
 */
public final class AdvisoryRowVersionFunction
    extends KeyedProcessFunction<String, AdvisoryChange, PortfolioChange> {

  private static final long serialVersionUID = 1L;

  /** The state descriptor's name: part of the savepoint format, never change it. */
  static final String STATE_NAME = "row-version";

  private transient ValueState<RowVersion> version;
  private transient Counter applied;
  private transient Counter stale;
  private transient Counter moved;

  @Override
  public void open(OpenContext openContext) {
    version =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>(STATE_NAME, AdvisoryTypes.ROW_VERSION));
    MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("advisory");
    applied = group.counter("changesApplied");
    stale = group.counter("staleVersionsIgnored");
    moved = group.counter("portfolioMoves");
  }

  @Override
  public void processElement(AdvisoryChange change, Context ctx, Collector<PortfolioChange> out)
      throws Exception {
    RowVersion held = version.value();
    if (held != null && !change.position().isAfter(held.position())) {
      stale.inc();
      return;
    }
    applied.inc();
    String target = change.portfolioCode();
    if (change.deleted()) {
      // The held portfolio is where the row is counted; the before image should agree.
      if (held != null && held.portfolioCode() != null) {
        target = held.portfolioCode();
      }
      version.update(new RowVersion(null, change.position()));
    } else {
      if (held != null && held.portfolioCode() != null && !held.portfolioCode().equals(target)) {
        moved.inc();
        out.collect(new PortfolioChange(held.portfolioCode(), change.asDelete(), true));
      }
      version.update(new RowVersion(target, change.position()));
    }
    out.collect(new PortfolioChange(target, change, false));
  }
}
