package io.fundflow.realtime.advisory;

import io.fundflow.common.ads.AdvisoryBook;
import io.fundflow.common.ads.AdvisoryDailyMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by PORTFOLIO_CODE: keeps the portfolio's current contracts and orders, and on every change
 * emits the {@code ADS_ADVISORY_DAILY} rows it may have altered, computed by the common {@link
 * AdvisoryBook} — the same rule the nightly batch runs.
 *
 * <p><b>State.</b> One {@link MapState} from row key ({@link AdvisoryChange#rowKey()}) to the
 * latest upsert of that row, an {@link AdvisoryChange} serialized with the explicit POJO type of
 * {@link AdvisoryTypes#CHANGE} (Flink's own record, enum, {@code LocalDateTime} and {@code
 * BigDecimal} serializers; no Kryo, no Java serialization), so a savepoint restores into a newer
 * build and the cumulative figures (AUM, retained customers) carry across days and across
 * stop-with-savepoint. The book itself is not state: it is rebuilt from the map for each change,
 * which costs O(rows of the portfolio) — the metrics walk those rows anyway — and keeps a single
 * source of truth. A delete removes the row's entry; stale versions never reach here because {@link
 * AdvisoryRowVersionFunction} filters them upstream, tombstones included (a version not newer than
 * the live one is also ignored here),
 * and a portfolio whose rows are all deleted holds no state.
 *
 * <p><b>Rows emitted.</b> For each date the change carries (before and after it), its current
 * trading date ({@link ChangeDates}) and the latest date this portfolio has emitted a row for, the
 * row is emitted when the portfolio has one on that date after the change or had one before it: a
 * row that lost its last activity is overwritten with zeros rather than left stale. The latest date
 * (second state entry) matters because contracts and orders come from different topics: a contract
 * signing read after the orders of a later day (or an order for the next trading day, placed after
 * the close) must still refresh that day's cumulative AUM. Days strictly between a change's own
 * dates and the latest date keep their cumulative figures until the nightly batch.
 *
 * <p><b>Limit.</b> An order counts towards AUM only when its contract is in the same portfolio's
 * book: an order filed under another portfolio than its contract's (inconsistent source data, which
 * the batch would still count) is not in AUM here.
 */
public final class PortfolioBookFunction
    extends KeyedProcessFunction<String, PortfolioChange, AdvisoryDailyMetrics> {

  private static final long serialVersionUID = 1L;

  /** The state descriptor's name: part of the savepoint format, never change it. */
  static final String STATE_NAME = "portfolio-rows";

  /** The latest-date state's name: part of the savepoint format, never change it. */
  static final String LATEST_DATE_STATE_NAME = "portfolio-latest-date";

  private transient MapState<String, AdvisoryChange> rows;
  private transient ValueState<Integer> latestDate;
  private transient Counter applied;
  private transient Counter stale;
  private transient Counter emitted;

  @Override
  public void open(OpenContext openContext) {
    rows =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>(STATE_NAME, Types.STRING, AdvisoryTypes.CHANGE));
    latestDate =
        getRuntimeContext().getState(new ValueStateDescriptor<>(LATEST_DATE_STATE_NAME, Types.INT));
    MetricGroup group = getRuntimeContext().getMetricGroup().addGroup("advisory");
    applied = group.counter("bookChangesApplied");
    stale = group.counter("bookStaleVersionsIgnored");
    emitted = group.counter("adsRowsEmitted");
  }

  @Override
  public void processElement(PortfolioChange in, Context ctx, Collector<AdvisoryDailyMetrics> out)
      throws Exception {
    AdvisoryChange change = in.change();
    String portfolio = ctx.getCurrentKey();
    AdvisoryChange held = rows.get(change.rowKey());
    if (held != null && !change.position().isAfter(held.position())) {
      stale.inc();
      return;
    }
    AdvisoryBook book = rebuild();

    NavigableSet<Integer> dates = new TreeSet<>();
    if (held != null) {
      dates.addAll(ChangeDates.carriedBy(held));
    }
    if (!change.deleted()) {
      dates.addAll(ChangeDates.carriedBy(change));
    }
    dates.add(ChangeDates.current(change));
    // Only a later latest date is stale; an earlier one is not moved by a change of a later day.
    Integer latest = latestDate.value();
    if (latest != null && latest > dates.last()) {
      dates.add(latest);
    }
    Map<Integer, Boolean> hadRow = new HashMap<>();
    for (int d : dates) {
      hadRow.put(d, book.hasRow(d, portfolio));
    }

    apply(book, change);
    if (change.deleted()) {
      rows.remove(change.rowKey());
    } else {
      rows.put(change.rowKey(), change);
    }
    applied.inc();

    for (int d : dates) {
      if (hadRow.get(d) || book.hasRow(d, portfolio)) {
        out.collect(book.metricsFor(d, portfolio));
        emitted.inc();
      }
    }
    if (rows.isEmpty()) {
      latestDate.clear();
    } else {
      latestDate.update(dates.last());
    }
  }

  private AdvisoryBook rebuild() throws Exception {
    AdvisoryBook book = new AdvisoryBook();
    for (AdvisoryChange row : rows.values()) {
      apply(book, row);
    }
    return book;
  }

  private static void apply(AdvisoryBook book, AdvisoryChange c) {
    if (c.contract() != null) {
      if (c.deleted()) {
        book.deleteContract(c.contract().contractId(), c.position());
      } else {
        book.upsertContract(c.contract(), c.position());
      }
    } else if (c.deleted()) {
      book.deleteOrder(c.order().orderId(), c.position());
    } else {
      book.upsertOrder(c.order(), c.position());
    }
  }
}
