package io.fundflow.common.ads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdvisoryBookTest {

  static final int D0 = 20261113;
  static final int D1 = 20261116;
  static final int D2 = 20261117;
  static final int D3 = 20261118;
  static final int D4 = 20261119;

  private AdvisoryBook book;
  private long position;

  static LocalDateTime at(int day, int hour) {
    return LocalDateTime.of(day / 10000, day / 100 % 100, day % 100, hour, 0);
  }

  static AdvisoryContract contract(
      String id, String client, String portfolio, int applied, Integer signed, Integer terminated,
      ContractStatus status) {
    return new AdvisoryContract(
        id, client, portfolio, 1001, at(applied, 9),
        signed == null ? null : at(signed, 10),
        terminated == null ? null : at(terminated, 14),
        status);
  }

  static AdvisoryOrder order(
      String id, String contract, String client, String portfolio, OrderType type, String amount,
      int day, OrderStatus status) {
    return new AdvisoryOrder(
        id, contract, client, portfolio, type, new BigDecimal(amount), at(day, 11), day, status);
  }

  private SourcePosition next() {
    return new SourcePosition(++position, 0);
  }

  private static BigDecimal money(String s) {
    return new BigDecimal(s);
  }

  @BeforeEach
  void buildScenario() {
    book = new AdvisoryBook();
    // P1, day 1: A signs K1 the day it applies; B applies K2; E applies K7 and never signs.
    book.upsertContract(contract("K1", "A", "P1", D1, D1, null, ContractStatus.SIGNED), next());
    book.upsertContract(contract("K2", "B", "P1", D1, null, null, ContractStatus.APPLIED), next());
    book.upsertContract(contract("K7", "E", "P1", D1, null, null, ContractStatus.APPLIED), next());
    book.upsertOrder(order("O1", "K1", "A", "P1", OrderType.PURCHASE, "10000.00", D1,
        OrderStatus.ACCEPTED), next());
    // Day 2: K2 signed; K3 applied and rejected; A applies for a second contract K4.
    book.upsertContract(contract("K2", "B", "P1", D1, D2, null, ContractStatus.SIGNED), next());
    book.upsertContract(contract("K3", "C", "P1", D2, null, null, ContractStatus.REJECTED), next());
    book.upsertContract(contract("K4", "A", "P1", D2, null, null, ContractStatus.APPLIED), next());
    book.upsertOrder(order("O2", "K2", "B", "P1", OrderType.PURCHASE, "5000.00", D2,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O3", "K1", "A", "P1", OrderType.ADD, "2000.00", D2,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O4", "K2", "B", "P1", OrderType.ADD, "1000.00", D2,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O4", "K2", "B", "P1", OrderType.ADD, "1000.00", D2,
        OrderStatus.CANCELLED), next());
    book.upsertOrder(order("O6", "K7", "E", "P1", OrderType.PURCHASE, "3000.00", D2,
        OrderStatus.ACCEPTED), next());
    // Day 3: A's K4 signed (a second contract); D applies, signs and terminates K5 the same day;
    // B redeems everything.
    book.upsertContract(contract("K4", "A", "P1", D2, D3, null, ContractStatus.SIGNED), next());
    book.upsertContract(contract("K5", "D", "P1", D3, D3, D3, ContractStatus.TERMINATED), next());
    book.upsertOrder(order("O5", "K2", "B", "P1", OrderType.REDEEM, "5000.00", D3,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O7", "K4", "A", "P1", OrderType.ADD, "1000.00", D3,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O8", "K7", "E", "P1", OrderType.ADD, "500.00", D3,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O9", "K5", "D", "P1", OrderType.PURCHASE, "800.00", D3,
        OrderStatus.ACCEPTED), next());
    // Day 4: B's K2 terminated.
    book.upsertContract(contract("K2", "B", "P1", D1, D2, D4, ContractStatus.TERMINATED), next());
    // P2: A is new there on day 2 although known in P1; redeems to zero on day 3.
    book.upsertContract(contract("K8", "A", "P2", D2, D2, null, ContractStatus.SIGNED), next());
    book.upsertOrder(order("O10", "K8", "A", "P2", OrderType.PURCHASE, "100.00", D2,
        OrderStatus.ACCEPTED), next());
    book.upsertOrder(order("O11", "K8", "A", "P2", OrderType.REDEEM, "100.00", D3,
        OrderStatus.ACCEPTED), next());
  }

  private static AdvisoryDailyMetrics row(
      int day, String portfolio, long newSigned, long applied, long signed, String rate,
      long addedCustomers, String added, String redeemed, long retained, String aum) {
    return new AdvisoryDailyMetrics(
        day, portfolio, newSigned, applied, signed, rate == null ? null : money(rate),
        addedCustomers, money(added), money(redeemed), retained, money(aum));
  }

  @Test
  void day1FirstSigningAndFirstPurchase() {
    assertEquals(
        List.of(row(D1, "P1", 1, 3, 1, "0.3333", 0, "0.00", "0.00", 1, "10000.00")),
        book.metricsFor(D1));
  }

  @Test
  void day2CancelledOrdersAndUnsignedContractsStayOutOfAum() {
    assertEquals(
        List.of(
            row(D2, "P1", 1, 2, 1, "0.5000", 1, "2000.00", "0.00", 2, "17000.00"),
            row(D2, "P2", 1, 1, 1, "1.0000", 0, "0.00", "0.00", 1, "100.00")),
        book.metricsFor(D2));
  }

  @Test
  void day3SecondContractIsNotNewAndRedeemToZeroIsNotRetained() {
    // Signed: K4 (A's second, not new) and K5 (D's first, terminated the same day: signed and new,
    // but not in AUM). ADDED counts E's ADD under an unsigned contract: it is a flow.
    assertEquals(
        List.of(
            row(D3, "P1", 1, 1, 2, "2.0000", 2, "1500.00", "5000.00", 1, "13000.00"),
            row(D3, "P2", 0, 0, 0, null, 0, "0.00", "100.00", 0, "0.00")),
        book.metricsFor(D3));
  }

  @Test
  void day4TerminationKeepsTheRowAndCumulativeAum() {
    assertEquals(
        List.of(
            row(D4, "P1", 0, 0, 0, null, 0, "0.00", "0.00", 1, "13000.00"),
            row(D4, "P2", 0, 0, 0, null, 0, "0.00", "0.00", 0, "0.00")),
        book.metricsFor(D4));
  }

  @Test
  void daysBeforeAnyActivityHaveNoRows() {
    assertEquals(List.of(), book.metricsFor(D0));
    assertFalse(book.hasRow(D0, "P1"));
    assertEquals(
        row(D0, "P1", 0, 0, 0, null, 0, "0.00", "0.00", 0, "0.00"), book.metricsFor(D0, "P1"));
  }

  @Test
  void terminationTakesAssetsOutOnlyFromItsDayOn() {
    // B's position is zero after the redemption anyway: terminate A's K1 on day 3 instead.
    book.upsertContract(contract("K1", "A", "P1", D1, D1, D3, ContractStatus.TERMINATED), next());
    assertEquals(money("17000.00"), book.metricsFor(D2, "P1").aum(), "day 2 still had K1");
    // End of day 3: only K4's order (O7, 1000.00) counts for A.
    assertEquals(money("1000.00"), book.metricsFor(D3, "P1").aum());
    assertEquals(1, book.metricsFor(D3, "P1").retainedCustomers());
    assertEquals(1, book.metricsFor(D1, "P1").newSignedCustomers(), "A was still new on day 1");
  }

  @Test
  void deletesAndStaleVersions() {
    SourcePosition stale = new SourcePosition(1, 0);
    // A replayed old version of K2 (APPLIED) must not undo its signing and termination.
    assertEquals(
        Set.of(),
        book.upsertContract(
            contract("K2", "B", "P1", D1, null, null, ContractStatus.APPLIED), stale));
    assertEquals(ContractStatus.TERMINATED, book.contract("K2").orElseThrow().status());

    // A deleted order leaves AUM; a late insert of an older version does not bring it back.
    assertEquals(Set.of("P1"), book.deleteOrder("O3", next()));
    assertEquals(money("15000.00"), book.metricsFor(D2, "P1").aum());
    assertEquals(
        Set.of(),
        book.upsertOrder(order("O3", "K1", "A", "P1", OrderType.ADD, "2000.00", D2,
            OrderStatus.ACCEPTED), new SourcePosition(3, 0)));
    assertTrue(book.order("O3").isEmpty());
    assertEquals(0, book.metricsFor(D2, "P1").addedCustomers());
  }

  @Test
  void contractChangesTouchThePortfoliosOfItsOrders() {
    // An order filed under P2 against a P1 contract: signing the contract moves P2's AUM too.
    book.upsertContract(contract("K9", "F", "P1", D1, null, null, ContractStatus.APPLIED), next());
    book.upsertOrder(order("O12", "K9", "F", "P2", OrderType.PURCHASE, "7.00", D1,
        OrderStatus.ACCEPTED), next());
    Set<String> touched =
        book.upsertContract(contract("K9", "F", "P1", D1, D1, null, ContractStatus.SIGNED), next());
    assertEquals(Set.of("P1", "P2"), touched);
    assertEquals(money("7.00"), book.metricsFor(D1, "P2").aum());
  }

  @Test
  void appliesChangeEvents() {
    AdvisoryContract k10 = contract("K10", "G", "P3", D1, D1, null, ContractStatus.SIGNED);
    AdvisoryOrder o13 =
        order("O13", "K10", "G", "P3", OrderType.PURCHASE, "50.00", D1, OrderStatus.ACCEPTED);
    book.apply(new ChangeEvent(SourceTable.ADVISORY_CONTRACT, ChangeOp.INSERT, null, k10, next(), 0));
    book.apply(new ChangeEvent(SourceTable.ADVISORY_ORDER, ChangeOp.SNAPSHOT, null, o13, next(), 0));
    assertEquals(
        row(D1, "P3", 1, 1, 1, "1.0000", 0, "0.00", "0.00", 1, "50.00"), book.metricsFor(D1, "P3"));

    Set<String> touched =
        book.apply(new ChangeEvent(SourceTable.ADVISORY_ORDER, ChangeOp.DELETE, o13, null, next(), 0));
    assertEquals(Set.of("P3"), touched);
    assertEquals(money("0.00"), book.metricsFor(D1, "P3").aum());
    assertNull(book.metricsFor(D2, "P3").signRate());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            book.apply(
                new ChangeEvent(
                    SourceTable.CHANNEL, ChangeOp.DELETE,
                    new io.fundflow.common.model.Channel("M01", "x", null), null, next(), 0)));
  }
}
