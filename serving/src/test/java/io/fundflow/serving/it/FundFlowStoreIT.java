package io.fundflow.serving.it;

import static io.fundflow.serving.it.ServingFixture.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseMutations;
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
import org.apache.hadoop.hbase.client.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page costs the region server, from HBase's own scan metrics: a page reads its rows, plus
 * the one that says another page follows, and nothing of the customer that sorts after it.
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
  void aMultiDayPageReadsAtMostOneRowPastEachDay() throws Exception {
    // Ten day buckets: the ranges go in one scan, which reads the first row past each range
    // before it seeks to the next (docs/rowkey.md), never more.
    FlowPage page = store.page(query(sparse, "2025-04-01T00:00", "2025-04-11T00:00", 100));
    assertEquals(4, page.flows().size());
    assertTrue(
        page.rowsScanned() >= 4 && page.rowsScanned() <= 4 + 10,
        "rows scanned " + page.rowsScanned() + " for 4 returned over 10 days");
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
