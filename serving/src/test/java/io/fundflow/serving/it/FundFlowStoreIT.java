package io.fundflow.serving.it;

import static io.fundflow.serving.it.ServingFixture.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.codec.FundFlowJsonView;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.hbase.coprocessor.RangeScanAttribute;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import io.fundflow.serving.query.FlowQuery;
import io.fundflow.serving.store.FlowPage;
import io.fundflow.serving.store.FundFlowStore;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.fundflow.common.hbase.KeyRange;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page costs the region server, from HBase's own scan metrics: a page reads its rows, plus
 * the one that says another page follows, and nothing of the customer that sorts after it, over
 * one day or many (the stack's region server runs fundflow's RangeScanObserver).
 */
@ExtendWith(LocalStackExtension.class)
class FundFlowStoreIT {

  @TempDir static Path dir;
  static ServingFixture fx;
  static FundFlowStore store;
  static String sparse;

  @BeforeAll
  static void start(StackEndpoints endpoints) throws Exception {
    fx = new ServingFixture(endpoints, dir);
    store = new FundFlowStore(fx.hbase);
    sparse = fx.clientId("S");
    // A busy customer right after the sparse one in every day bucket: same salt, and a CLIENT_ID
    // that extends the sparse one's, so its rows are the very next keys the region server holds.
    String neighbour = sameSaltExtension(sparse);
    List<FundFlow> flows = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      String date = String.format("2025-04-%02d", day);
      int initDate = 20250400 + day;
      if (day % 3 == 1) {
        flows.add(flow(sparse, initDate, day, date + "T10:00:00", 2041, "1.00", "1.00", MoneyType.CNY, 1));
      }
      for (int i = 0; i < 5; i++) {
        flows.add(
            flow(
                neighbour,
                initDate,
                100L * day + i,
                date + "T1" + i + ":00:00",
                2041,
                "2.00",
                "2.00",
                MoneyType.CNY,
                1));
      }
    }
    fx.writeFlows(flows);
    // Read from store files, as a day's rows are once HBase has flushed them: a memstore-only
    // read counts rows differently.
    try (Admin admin = fx.hbase.getAdmin()) {
      admin.flush(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void aOneDayPageReadsExactlyItsRows() throws Exception {
    FlowPage page = store.page(query(sparse, "2025-04-04T00:00", "2025-04-05T00:00", 100));
    assertEquals(1, page.flows().size());
    assertEquals(1, page.rowsScanned(), "rows scanned for one row returned");

    FlowPage empty = store.page(query(sparse, "2025-04-05T00:00", "2025-04-06T00:00", 100));
    assertEquals(0, empty.flows().size());
    assertEquals(0, empty.rowsScanned(), "an empty day reads no row, not the neighbour's");
  }

  @Test
  void aFullPageReadsOneRowMoreThanItReturns() throws Exception {
    String neighbour = sameSaltExtension(sparse);
    FlowPage page = store.page(query(neighbour, "2025-04-02T00:00", "2025-04-03T00:00", 3));
    assertEquals(3, page.flows().size());
    assertTrue(page.lastRowKey().isPresent(), "another page follows");
    assertEquals(4, page.rowsScanned(), "the page's rows and the one that says more follow");
  }

  @Test
  void aMultiDayPageReadsExactlyItsRows() throws Exception {
    // Ten day buckets, the neighbour's rows right after the customer's in each. The region server's
    // RangeScanObserver reads each day's range with its own bounded scanner (docs/rowkey.md).
    FlowPage page = store.page(query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 100));
    assertEquals(4, page.flows().size());
    assertEquals(4, page.rowsScanned(), "rows scanned for 4 returned over 10 days");
  }

  @Test
  void withoutTheObserverTheFilterGivesTheSameRowsReadingOnePastEachDay() throws Exception {
    List<KeyRange> ranges =
        FundFlowRowKey.scanRanges(
            sparse,
            LocalDateTime.parse("2025-04-01T00:00"),
            LocalDateTime.parse("2025-04-11T00:00"));
    // The scan FundFlowStore sends, without the attribute that calls on the observer.
    Scan filtered =
        new Scan()
            .withStartRow(ranges.get(0).startInclusive())
            .withStopRow(ranges.get(ranges.size() - 1).stopExclusive())
            .addFamily(Bytes.toBytes(HBaseLayout.FAMILY))
            .setFilter(
                new MultiRowRangeFilter(
                    new ArrayList<>(
                        ranges.stream()
                            .map(
                                r ->
                                    new MultiRowRangeFilter.RowRange(
                                        r.startInclusive(), true, r.stopExclusive(), false))
                            .toList())))
            .setScanMetricsEnabled(true);
    List<String> keys = new ArrayList<>();
    long scanned;
    try (Table table = fx.hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
        ResultScanner scanner = table.getScanner(filtered)) {
      for (Result r : scanner) {
        keys.add(Bytes.toStringBinary(r.getRow()));
      }
      scanned = scanner.getScanMetrics().countOfRowsScanned.get();
    }
    FlowPage page = store.page(query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 100));
    assertEquals(rowKeys(sparse, page), keys);
    assertTrue(scanned > 4, "the filter alone reads past the ranges: " + scanned + " rows scanned");
  }

  @Test
  void aMalformedRangeAttributeFailsThatScanOnlyNamingTheAttribute() throws Exception {
    Scan bad =
        new Scan()
            .withStartRow(new byte[] {1})
            .withStopRow(new byte[] {2})
            .addFamily(Bytes.toBytes(HBaseLayout.FAMILY))
            .setAttribute(RangeScanAttribute.NAME, new byte[] {1, 5, 0});
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (Table table =
                      fx.hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
                  ResultScanner scanner = table.getScanner(bad)) {
                scanner.next();
              }
            });
    assertTrue(
        stackTrace(e).contains(RangeScanAttribute.NAME), e.toString());
    // The region server is still serving.
    assertEquals(
        4, store.page(query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 100)).flows().size());
  }

  @Test
  void eachPageOfAMultiDayQueryReadsOnlyItsRows() throws Exception {
    FlowPage first = store.page(query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 3));
    assertEquals(3, first.flows().size());
    assertEquals(4, first.rowsScanned(), "3 rows and the one that says more follow");
    FlowPage second =
        store.page(
            withCursor(query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 3), first));
    assertEquals(1, second.flows().size());
    assertTrue(second.lastRowKey().isEmpty(), "the last page");
    assertEquals(1, second.rowsScanned());
    assertTrue(
        first.flows().get(2).flow().occurTime().isAfter(second.flows().get(0).flow().occurTime()),
        "newest first across the pages");
  }

  @Test
  void aPageAcrossARegionBoundaryReadsExactlyItsRows() throws Exception {
    FlowQuery q = query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 100);
    List<String> before = rowKeys(sparse, store.page(q));
    // Split the customer's salt region inside its days: at the start of its 2025-04-05 range.
    byte[] splitKey =
        FundFlowRowKey.scanRanges(
                sparse,
                LocalDateTime.parse("2025-04-05T00:00"),
                LocalDateTime.parse("2025-04-06T00:00"))
            .get(0)
            .startInclusive();
    TableName table = HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE);
    try (Admin admin = fx.hbase.getAdmin()) {
      RegionInfo region =
          admin.getRegions(table).stream()
              .filter(r -> r.containsRow(splitKey))
              .findFirst()
              .orElseThrow();
      if (!Bytes.equals(region.getStartKey(), splitKey)) {
        admin.splitRegionAsync(region.getRegionName(), splitKey).get(2, TimeUnit.MINUTES);
      }
      assertTrue(
          admin.getRegions(table).stream().anyMatch(r -> Bytes.equals(r.getStartKey(), splitKey)),
          "a region starts at the split key");
    }
    FlowPage page = store.page(q);
    assertEquals(before, rowKeys(sparse, page), "the same rows, newest first");
    assertEquals(4, page.rowsScanned(), "rows scanned for 4 returned over two regions");
  }

  private static FlowQuery query(String clientId, String from, String to, int limit) {
    return new FlowQuery(
        clientId,
        LocalDateTime.parse(from),
        LocalDateTime.parse(to),
        Set.of(),
        Optional.empty(),
        Optional.empty(),
        limit,
        Optional.empty());
  }

  private static FlowQuery withCursor(FlowQuery q, FlowPage previous) {
    return new FlowQuery(
        q.clientId(),
        q.from(),
        q.to(),
        q.categories(),
        q.direction(),
        q.moneyType(),
        q.limit(),
        previous.lastRowKey());
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** The row keys of a page's flows, as HBase prints them. */
  private static List<String> rowKeys(String clientId, FlowPage page) {
    return page.flows().stream()
        .map(FundFlowJsonView::flow)
        .map(
            f ->
                Bytes.toStringBinary(
                    FundFlowRowKey.encode(clientId, f.occurTime(), f.serialNo(), f.initDate())))
        .toList();
  }

  /** The first id of the form {@code <clientId>N<k>} with the same salt as {@code clientId}. */
  private static String sameSaltExtension(String clientId) {
    int salt = FundFlowRowKey.salt(clientId);
    for (int k = 0; ; k++) {
      String candidate = clientId + "N" + k;
      if (FundFlowRowKey.salt(candidate) == salt) {
        return candidate;
      }
    }
  }
}
