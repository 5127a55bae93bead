package io.fundflow.serving.store;

import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.codec.FundFlowJsonView;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.KeyRange;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.hbase.coprocessor.RangeScanAttribute;
import io.fundflow.hbase.coprocessor.ScanRange;
import io.fundflow.serving.query.FlowQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.client.metrics.ScanMetrics;
import org.apache.hadoop.hbase.filter.Filter;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.ValueFilter;

/**
 * Reads fund-flow details and customer-day summaries from HBase. A query scans only its planned
 * ranges ({@code docs/rowkey.md}), as one scan with a {@link MultiRowRangeFilter} when it spans
 * several days (which region servers running {@code RangeScanObserver} scan range by range),
 * with HBase's limit and caching set to the page size plus one (the extra row tells whether
 * another page follows). A page's rows are read in place ({@link FundFlowJsonView}), not
 * decoded. Filters run in the region servers as a regular expression on the
 * flow's JSON cell, whose field order is fixed ({@link FundFlowJson}); they are checked again here
 * on the rows read.
 */
public final class FundFlowStore {

  private static final byte[] FAMILY = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
  private static final byte[] FLOW = FundFlowRows.FLOW_CELL.getBytes(StandardCharsets.UTF_8);
  private static final byte[] SUMMARY =
      CustomerDayRows.SUMMARY_CELL.getBytes(StandardCharsets.UTF_8);
  private static final int EXPORT_CACHING = 1000;

  private final Connection connection;

  public FundFlowStore(Connection connection) {
    this.connection = connection;
  }

  /** One page of {@code query}, newest first. */
  public FlowPage page(FlowQuery query) throws IOException {
    List<KeyRange> ranges =
        ScanPlan.ranges(query.clientId(), query.from(), query.to(), query.afterRowKey());
    if (ranges.isEmpty()) {
      return new FlowPage(List.of(), Optional.empty(), 0);
    }
    int wanted = query.limit() + 1;
    Scan scan = scan(ranges, valueFilter(query)).setLimit(wanted).setCaching(wanted);
    scan.setScanMetricsEnabled(true);
    List<FundFlowJsonView> flows = new ArrayList<>(wanted);
    byte[] lastKey = null;
    boolean more = false;
    long scanned;
    try (Table table = flowTable();
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result r : scanner) {
        FundFlowJsonView f = FundFlowJsonView.read(r.getValue(FAMILY, FLOW));
        if (!query.accepts(f.category(), f.direction(), f.moneyType())) {
          continue; // the server-side regex is a pre-filter; the decoded flow decides
        }
        if (flows.size() == query.limit()) {
          more = true;
          break;
        }
        flows.add(f);
        lastKey = r.getRow();
      }
      ScanMetrics metrics = scanner.getScanMetrics();
      scanned = metrics == null ? -1 : metrics.countOfRowsScanned.get();
    }
    return new FlowPage(flows, more ? Optional.of(lastKey) : Optional.empty(), scanned);
  }

  /**
   * Every flow of {@code query} from its cursor on (its limit ignored), newest first, handed to
   * {@code sink} as it is read: an export never holds the result in memory.
   *
   * @return how many flows were handed over
   */
  public long forEach(FlowQuery query, Consumer<FundFlow> sink) throws IOException {
    List<KeyRange> ranges =
        ScanPlan.ranges(query.clientId(), query.from(), query.to(), query.afterRowKey());
    if (ranges.isEmpty()) {
      return 0;
    }
    Scan scan = scan(ranges, valueFilter(query)).setCaching(EXPORT_CACHING);
    long n = 0;
    try (Table table = flowTable();
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result r : scanner) {
        FundFlow f = FundFlowJson.decode(r.getValue(FAMILY, FLOW));
        if (query.accepts(f.category(), f.direction(), f.moneyType())) {
          sink.accept(f);
          n++;
        }
      }
    }
    return n;
  }

  /** Every flow of the customer with OCCUR_TIME in [from, to), newest first. */
  public void forEachInRange(
      String clientId, LocalDateTime from, LocalDateTime to, Consumer<FundFlow> sink)
      throws IOException {
    forEach(
        new FlowQuery(
            clientId,
            from,
            to,
            java.util.Set.of(),
            Optional.empty(),
            Optional.empty(),
            1,
            Optional.empty()),
        sink);
  }

  /** The customer's newest flow with OCCUR_TIME in [from, to), if any. */
  public Optional<FundFlowJsonView> newest(String clientId, LocalDateTime from, LocalDateTime to)
      throws IOException {
    List<KeyRange> ranges = ScanPlan.ranges(clientId, from, to, Optional.empty());
    if (ranges.isEmpty()) {
      return Optional.empty();
    }
    Scan scan = scan(ranges, null).setLimit(1).setCaching(1);
    try (Table table = flowTable();
        ResultScanner scanner = table.getScanner(scan)) {
      Result r = scanner.next();
      return r == null
          ? Optional.empty()
          : Optional.of(FundFlowJsonView.read(r.getValue(FAMILY, FLOW)));
    }
  }

  /** The customer's summaries of the given trading days in one currency; absent days skipped. */
  public List<CustomerDaySummary> summaries(
      String clientId, List<Integer> initDates, MoneyType moneyType) throws IOException {
    if (initDates.isEmpty()) {
      return List.of();
    }
    // One batched multi-get: all of a customer's summaries share a salt, so one or two regions;
    // the row bloom filters make the absent days (weekends, quiet days) cheap.
    List<Get> gets =
        initDates.stream()
            .map(
                d ->
                    new Get(CustomerDayRowKey.encode(clientId, d, moneyType))
                        .addColumn(FAMILY, SUMMARY))
            .toList();
    List<CustomerDaySummary> out = new ArrayList<>();
    try (Table table =
        connection.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
      for (Result r : table.get(gets)) {
        CustomerDayRows.summary(r.getValue(FAMILY, SUMMARY)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** True when the detail table answers. */
  public boolean reachable() {
    try (Table table = flowTable()) {
      return table.getDescriptor() != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Table flowTable() throws IOException {
    return connection.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
  }

  private static Scan scan(List<KeyRange> ranges, Filter valueFilter) {
    Scan scan =
        new Scan()
            .withStartRow(ranges.get(0).startInclusive(), true)
            .withStopRow(ranges.get(ranges.size() - 1).stopExclusive(), false)
            // The family, not its one column: asking for a column makes the region server seek to
            // the next row after each row from a store file, reading (and counting) the first row
            // past the range, another customer's.
            .addFamily(FAMILY);
    List<Filter> filters = new ArrayList<>(2);
    if (ranges.size() > 1 && ranges.size() <= RangeScanAttribute.MAX_RANGES) {
      // Region servers with fundflow's RangeScanObserver scan each range with its own bounded
      // scanner and read nothing between them; without it (or past its 27 years of days), the
      // filter skips between the ranges, reading the first row past each. The rows are the same.
      scan.setAttribute(
          RangeScanAttribute.NAME,
          RangeScanAttribute.encode(
              ranges.stream()
                  .map(r -> new ScanRange(r.startInclusive(), r.stopExclusive()))
                  .toList()));
    }
    if (ranges.size() > 1) {
      List<MultiRowRangeFilter.RowRange> rowRanges =
          ranges.stream()
              .map(
                  r ->
                      new MultiRowRangeFilter.RowRange(
                          r.startInclusive(), true, r.stopExclusive(), false))
              .toList();
      filters.add(new MultiRowRangeFilter(new ArrayList<>(rowRanges)));
    }
    if (valueFilter != null) {
      filters.add(valueFilter);
    }
    if (filters.size() == 1) {
      scan.setFilter(filters.get(0));
    } else if (filters.size() > 1) {
      scan.setFilter(new FilterList(FilterList.Operator.MUST_PASS_ALL, filters));
    }
    return scan;
  }

  /**
   * A region-server filter keeping flows whose JSON matches the query's filters, or null without
   * filters. The JSON's fields come in a fixed order (moneyType, ..., category, direction) with no
   * spaces, and any quote inside a string value is escaped, so {@code "category":"FEE"} can only
   * match the field itself.
   */
  static Filter valueFilter(FlowQuery q) {
    if (!q.filtered()) {
      return null;
    }
    StringBuilder regex = new StringBuilder(".*");
    q.moneyType().ifPresent(m -> regex.append("\"moneyType\":\"").append(m.name()).append("\".*"));
    if (!q.categories().isEmpty()) {
      regex
          .append("\"category\":\"(")
          .append(
              q.categories().stream().map(Category::name).sorted().collect(Collectors.joining("|")))
          .append(")\".*");
    }
    q.direction().ifPresent(d -> regex.append("\"direction\":\"").append(d.name()).append("\".*"));
    return new ValueFilter(CompareOperator.EQUAL, new RegexStringComparator(regex.toString()));
  }
}
