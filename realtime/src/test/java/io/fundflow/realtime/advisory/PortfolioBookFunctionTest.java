package io.fundflow.realtime.advisory;

import static io.fundflow.realtime.advisory.Advisory.DAY1;
import static io.fundflow.realtime.advisory.Advisory.DAY2;
import static io.fundflow.realtime.advisory.Advisory.applied;
import static io.fundflow.realtime.advisory.Advisory.cancelled;
import static io.fundflow.realtime.advisory.Advisory.delete;
import static io.fundflow.realtime.advisory.Advisory.order;
import static io.fundflow.realtime.advisory.Advisory.signed;
import static io.fundflow.realtime.advisory.Advisory.terminated;
import static io.fundflow.realtime.advisory.Advisory.upsert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fundflow.common.ads.AdvisoryDailyMetrics;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PortfolioBookFunctionTest {

  private static final int D1 = 20261119;
  private static final int D2 = 20261120;

  private KeyedOneInputStreamOperatorTestHarness<String, PortfolioChange, AdvisoryDailyMetrics>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<
          String, PortfolioChange, AdvisoryDailyMetrics>
      newHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new PortfolioBookFunction()),
        PortfolioChange::portfolioCode,
        Types.STRING);
  }

  /** Sends a change to its own portfolio and returns the rows it emitted. */
  private List<AdvisoryDailyMetrics> send(AdvisoryChange c) throws Exception {
    return send(harness, c);
  }

  private static List<AdvisoryDailyMetrics> send(
      KeyedOneInputStreamOperatorTestHarness<String, PortfolioChange, AdvisoryDailyMetrics> h,
      AdvisoryChange c)
      throws Exception {
    int before = h.extractOutputValues().size();
    h.processElement(new StreamRecord<>(new PortfolioChange(c.portfolioCode(), c, false), 0));
    List<AdvisoryDailyMetrics> all = h.extractOutputValues();
    return all.subList(before, all.size());
  }

  private static AdvisoryDailyMetrics row(
      int date,
      long newSigned,
      long applied,
      long signed,
      String rate,
      long addedCustomers,
      String added,
      String redeemed,
      long retained,
      String aum) {
    return new AdvisoryDailyMetrics(
        date,
        "P1",
        newSigned,
        applied,
        signed,
        rate == null ? null : new BigDecimal(rate),
        addedCustomers,
        new BigDecimal(added),
        new BigDecimal(redeemed),
        retained,
        new BigDecimal(aum));
  }

  @Test
  void aContractIsCountedWhenAppliedSignedAndTerminated() throws Exception {
    AdvisoryContract c = applied("C1", "K1", "P1", DAY1);
    assertEquals(
        List.of(row(D1, 0, 1, 0, "0.0000", 0, "0.00", "0.00", 0, "0.00")),
        send(upsert(c, 10, DAY1)));

    AdvisoryContract s = signed(c, DAY1.plusHours(1));
    assertEquals(
        List.of(row(D1, 1, 1, 1, "1.0000", 0, "0.00", "0.00", 0, "0.00")),
        send(upsert(s, 20, DAY1.plusHours(1))));

    // Terminated the next day: the sign day keeps its figures, the termination day has a row.
    assertEquals(
        List.of(
            row(D1, 1, 1, 1, "1.0000", 0, "0.00", "0.00", 0, "0.00"),
            row(D2, 0, 0, 0, null, 0, "0.00", "0.00", 0, "0.00")),
        send(upsert(terminated(s, DAY2), 30, DAY2)));
  }

  @Test
  void ordersMakeFlowsAndAumCarriesAcrossDays() throws Exception {
    AdvisoryContract c = signed(applied("C1", "K1", "P1", DAY1), DAY1);
    send(upsert(c, 10, DAY1));
    AdvisoryOrder purchase = order("O1", c, OrderType.PURCHASE, "10000.00", DAY1);
    assertEquals(
        List.of(row(D1, 1, 1, 1, "1.0000", 0, "0.00", "0.00", 1, "10000.00")),
        send(upsert(purchase, 11, DAY1)));
    assertEquals(
        List.of(row(D1, 1, 1, 1, "1.0000", 1, "2000.50", "0.00", 1, "12000.50")),
        send(upsert(order("O2", c, OrderType.ADD, "2000.50", DAY1), 12, DAY1)));

    // Day 2: flows start from zero, AUM starts from day 1's.
    assertEquals(
        List.of(row(D2, 0, 0, 0, null, 0, "0.00", "500.25", 1, "11500.25")),
        send(upsert(order("O3", c, OrderType.REDEEM, "500.25", DAY2), 13, DAY2)));
    assertEquals(
        List.of(row(D2, 0, 0, 0, null, 1, "1000.00", "500.25", 1, "12500.25")),
        send(upsert(order("O4", c, OrderType.ADD, "1000.00", DAY2), 14, DAY2)));

    // A late cancellation of day 1's purchase, committed on day 2, corrects both days.
    assertEquals(
        List.of(
            row(D1, 1, 1, 1, "1.0000", 1, "2000.50", "0.00", 1, "2000.50"),
            row(D2, 0, 0, 0, null, 1, "1000.00", "500.25", 1, "2500.25")),
        send(upsert(cancelled(purchase), 20, DAY2)));
  }

  @Test
  void aSigningReadAfterALaterDaysOrderRefreshesThatDaysAum() throws Exception {
    // Contracts and orders come from different topics: the signing may be read late.
    AdvisoryContract c = applied("C1", "K1", "P1", DAY1);
    send(upsert(c, 10, DAY1));
    assertEquals(
        List.of(row(D2, 0, 0, 0, null, 0, "0.00", "0.00", 0, "0.00")),
        send(upsert(order("O1", c, OrderType.PURCHASE, "100.00", DAY2), 30, DAY2)));
    assertEquals(
        List.of(
            row(D1, 1, 1, 1, "1.0000", 0, "0.00", "0.00", 0, "0.00"),
            row(D2, 0, 0, 0, null, 0, "0.00", "0.00", 1, "100.00")),
        send(upsert(signed(c, DAY1), 20, DAY1)));
  }

  @Test
  void aCustomerWhoRedeemedEverythingIsNotRetained() throws Exception {
    AdvisoryContract c = signed(applied("C1", "K1", "P1", DAY1), DAY1);
    send(upsert(c, 10, DAY1));
    send(upsert(order("O1", c, OrderType.PURCHASE, "100.00", DAY1), 11, DAY1));
    assertEquals(
        List.of(row(D2, 0, 0, 0, null, 0, "0.00", "100.00", 0, "0.00")),
        send(upsert(order("O2", c, OrderType.REDEEM, "100.00", DAY2), 12, DAY2)));
  }

  @Test
  void duplicatesAndLateVersionsChangeNothing() throws Exception {
    AdvisoryContract c = signed(applied("C1", "K1", "P1", DAY1), DAY1);
    send(upsert(c, 10, DAY1));
    AdvisoryOrder add = order("O1", c, OrderType.ADD, "300.00", DAY1);
    send(upsert(add, 20, DAY1));

    assertEquals(List.of(), send(upsert(add, 20, DAY1)), "a duplicate emits nothing");
    AdvisoryOrder older = order("O1", c, OrderType.ADD, "999.00", DAY1);
    assertEquals(List.of(), send(upsert(older, 15, DAY1)), "an older version emits nothing");
    assertEquals(
        List.of(), send(upsert(applied("C1", "K1", "P1", DAY1), 5, DAY1)), "a late insert neither");

    // The book still holds the newest versions: a new order adds to 300.00, not to 999.00.
    assertEquals(
        List.of(row(D1, 1, 1, 1, "1.0000", 1, "400.00", "0.00", 1, "400.00")),
        send(upsert(order("O2", c, OrderType.ADD, "100.00", DAY1), 30, DAY1)));
  }

  @Test
  void aDeleteZeroesTheRowsItEmptiedAndLeavesNoState() throws Exception {
    AdvisoryContract c = signed(applied("C1", "K1", "P1", DAY1), DAY1);
    send(upsert(c, 10, DAY1));
    AdvisoryOrder o = order("O1", c, OrderType.ADD, "50.00", DAY1);
    send(upsert(o, 11, DAY1));
    assertEquals(
        List.of(row(D1, 1, 1, 1, "1.0000", 0, "0.00", "0.00", 0, "0.00")),
        send(delete(o, 12, DAY1)));
    assertEquals(
        List.of(row(D1, 0, 0, 0, null, 0, "0.00", "0.00", 0, "0.00")), send(delete(c, 13, DAY1)));
    assertEquals(0, harness.numKeyedStateEntries(), "an empty portfolio holds no state");
  }

  @Test
  void cumulativeFiguresSurviveSnapshotAndRestore() throws Exception {
    AdvisoryContract c = signed(applied("C1", "K1", "P1", DAY1), DAY1);
    send(upsert(c, 10, DAY1));
    send(upsert(order("O1", c, OrderType.PURCHASE, "10000.00", DAY1), 11, DAY1));
    AdvisoryContract c2 = signed(applied("C2", "K2", "P1", DAY1), DAY1);
    send(upsert(c2, 12, DAY1));
    send(upsert(order("O2", c2, OrderType.PURCHASE, "0.01", DAY1), 13, DAY1));

    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();

    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    assertEquals(
        List.of(row(D2, 0, 0, 0, null, 1, "1000.00", "0.00", 2, "11000.01")),
        send(upsert(order("O3", c, OrderType.ADD, "1000.00", DAY2), 14, DAY2)));
    // Versions restored too: a replay of a change from before the snapshot is ignored.
    assertEquals(
        List.of(), send(upsert(order("O1", c, OrderType.PURCHASE, "10000.00", DAY1), 11, DAY1)));
  }
}
