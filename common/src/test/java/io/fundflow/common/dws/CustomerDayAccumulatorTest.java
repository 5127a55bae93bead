package io.fundflow.common.dws;

import static io.fundflow.common.dws.Flows.KEY;
import static io.fundflow.common.dws.Flows.at;
import static io.fundflow.common.dws.Flows.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerDayAccumulatorTest {

  private static final FundFlow TRANSFER_IN = flow(1, at(9, 5), 2041, "50000.00", "150000.00");
  private static final FundFlow BUY = flow(2, at(10, 0), 4001, "-30000.00", "120000.00");
  private static final FundFlow FEE = flow(3, at(10, 0), 4201, "-12.35", "119987.65");
  private static final FundFlow ZERO_INTEREST = flow(4, at(9, 0), 4301, "0.00", "100000.00");
  private static final FundFlow SELL = flow(5, at(14, 30), 4002, "8000.50", "127988.15");

  private static BigDecimal money(String s) {
    return new BigDecimal(s);
  }

  @Test
  void summarisesADay() {
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY);
    List.of(TRANSFER_IN, BUY, FEE, ZERO_INTEREST, SELL).forEach(acc::add);

    CustomerDaySummary s = acc.toSummary();

    assertEquals(KEY, s.key());
    assertEquals(money("58000.50"), s.inflow());
    assertEquals(money("30012.35"), s.outflow());
    assertEquals(money("27988.15"), s.net());
    assertEquals(5, s.entryCount(), "the zero amount is counted");
    assertEquals(
        Map.of(
            Category.TRANSFER_IN, new CategoryTotal(money("50000.00"), 1),
            Category.TRADE_BUY, new CategoryTotal(money("-30000.00"), 1),
            Category.FEE, new CategoryTotal(money("-12.35"), 1),
            Category.INTEREST, new CategoryTotal(money("0.00"), 1),
            Category.TRADE_SELL, new CategoryTotal(money("8000.50"), 1)),
        s.byCategory());
    assertEquals(money("127988.15"), s.lastPostBalance());
    assertEquals(at(14, 30), s.lastOccurTime());
    assertEquals(5L, s.lastSerialNo());
    assertEquals(new CategoryTotal(money("0.00"), 0), s.category(Category.DIVIDEND));
  }

  @Test
  void serialBreaksTiesOfOccurTimeForTheLastBalance() {
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY).add(FEE).add(BUY);
    assertEquals(money("119987.65"), acc.toSummary().lastPostBalance(), "serial 3 after serial 2");
  }

  @Test
  void retractingTheLatestEntryRestoresThePreviousBalance() {
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY);
    List.of(TRANSFER_IN, BUY, FEE, SELL).forEach(acc::add);
    acc.retract(SELL);
    CustomerDaySummary s = acc.toSummary();
    assertEquals(money("119987.65"), s.lastPostBalance());
    assertEquals(3L, s.lastSerialNo());
    assertFalse(s.byCategory().containsKey(Category.TRADE_SELL), "an emptied category is gone");
  }

  @Test
  void anUpdateRetractsTheOldVersionAndAddsTheNew() {
    // SPEC sample: entry 700001 +50000.00 becomes +5000.00, then is deleted.
    FundFlow before = flow(700001, at(9, 31), 2041, "50000.00", "150000.00");
    FundFlow after = flow(700001, at(9, 31), 2041, "5000.00", "105000.00");
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY).add(before);
    acc.retract(before).add(after);
    CustomerDaySummary s = acc.toSummary();
    assertEquals(money("5000.00"), s.inflow());
    assertEquals(1, s.entryCount());
    assertEquals(money("105000.00"), s.lastPostBalance());

    acc.retract(after);
    assertTrue(acc.isEmpty());
    assertEquals(new CustomerDayAccumulator(KEY).toSummary(), acc.toSummary());
    assertNull(acc.toSummary().lastPostBalance());
    assertEquals(money("0.00"), acc.toSummary().net());
  }

  @Test
  void aRetractionArrivingBeforeItsAddCancelsWhenTheAddComes() {
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY).add(BUY);
    acc.retract(SELL);
    assertFalse(acc.isEmpty());
    acc.add(SELL);
    assertEquals(new CustomerDayAccumulator(KEY).add(BUY).toSummary(), acc.toSummary());
  }

  @Test
  void aKeylessAccumulatorTakesTheKeyOfItsFirstFlowAndRefusesOthers() {
    CustomerDayAccumulator acc = new CustomerDayAccumulator();
    assertThrows(IllegalStateException.class, acc::toSummary);
    acc.add(BUY);
    assertEquals(KEY, acc.key());
    FundFlow usd =
        flow(Flows.CLIENT, Flows.DAY, MoneyType.USD, 9, at(9, 0), 2041, "1.00", "1.00");
    assertThrows(IllegalArgumentException.class, () -> acc.add(usd));
    CustomerDayAccumulator other = new CustomerDayAccumulator().add(usd);
    assertThrows(IllegalArgumentException.class, () -> acc.merge(other));
    assertEquals(
        new CustomerDayAccumulator(KEY).add(BUY).toSummary(),
        new CustomerDayAccumulator().merge(new CustomerDayAccumulator()).merge(acc).toSummary());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY).add(TRANSFER_IN).add(FEE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(acc);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      CustomerDayAccumulator copy = (CustomerDayAccumulator) in.readObject();
      assertEquals(acc.toSummary(), copy.toSummary());
      copy.retract(FEE);
      assertEquals(new CustomerDayAccumulator(KEY).add(TRANSFER_IN).toSummary(), copy.toSummary());
    }
  }

  @Test
  void restoringItsPartsGivesAnAccumulatorThatGoesOnExactlyLikeTheOriginal() {
    // A retraction before its add leaves negative counts and a negative multiplicity: kept as is.
    CustomerDayAccumulator acc = new CustomerDayAccumulator(KEY).add(TRANSFER_IN).add(FEE);
    acc.retract(SELL);
    CustomerDayAccumulator.Parts parts = acc.parts();
    CustomerDayAccumulator copy = CustomerDayAccumulator.restore(parts);
    assertEquals(parts, copy.parts());
    assertEquals(acc.toSummary(), copy.toSummary());
    assertEquals(-1, copy.parts().balancePoints().get(new BalancePoint(at(14, 30), 5, money("127988.15"))));

    copy.add(SELL).retract(FEE);
    assertEquals(new CustomerDayAccumulator(KEY).add(TRANSFER_IN).toSummary(), copy.toSummary());
    assertEquals(parts, acc.parts(), "the restored copy shares nothing with the original");
    copy.retract(TRANSFER_IN);
    assertTrue(copy.isEmpty());
  }

  @Test
  void partsOfAKeylessEmptyAccumulatorRestoreToOne() {
    CustomerDayAccumulator copy = CustomerDayAccumulator.restore(new CustomerDayAccumulator().parts());
    assertNull(copy.key());
    assertTrue(copy.isEmpty());
    assertEquals(KEY, copy.add(BUY).key());
  }

  @Test
  void partsAreReadOnlyAndRestoreRefusesAZeroNoAccumulatorKeeps() {
    CustomerDayAccumulator.Parts parts = new CustomerDayAccumulator(KEY).add(BUY).parts();
    assertThrows(
        UnsupportedOperationException.class,
        () -> parts.categoryCounts().put(Category.FEE, 1L));
    CustomerDayAccumulator.Parts zeroCount =
        new CustomerDayAccumulator.Parts(
            KEY,
            parts.inflow(),
            parts.outflow(),
            1,
            parts.categorySums(),
            Map.of(Category.TRADE_BUY, 0L),
            parts.balancePoints());
    assertThrows(IllegalArgumentException.class, () -> CustomerDayAccumulator.restore(zeroCount));
    java.util.TreeMap<BalancePoint, Integer> reversed =
        new java.util.TreeMap<>(java.util.Comparator.<BalancePoint>reverseOrder());
    reversed.putAll(parts.balancePoints());
    CustomerDayAccumulator.Parts otherOrder =
        new CustomerDayAccumulator.Parts(
            KEY, parts.inflow(), parts.outflow(), 1, parts.categorySums(), parts.categoryCounts(), reversed);
    assertThrows(IllegalArgumentException.class, () -> CustomerDayAccumulator.restore(otherOrder));
  }

  @Test
  void bulkSummariesGroupByCustomerDayAndCurrency() {
    FundFlow otherClient =
        flow("C2", Flows.DAY, MoneyType.CNY, 10, at(9, 0), 2041, "1.00", "1.00");
    FundFlow hkd = flow(Flows.CLIENT, Flows.DAY, MoneyType.HKD, 11, at(9, 0), 4101, "2.00", "2.00");
    FundFlow nextDay = flow(Flows.CLIENT, 20261120, MoneyType.CNY, 1, at(9, 0), 4201, "-3.00", "0");

    Map<CustomerDayKey, CustomerDaySummary> all =
        CustomerDaySummaries.of(List.of(TRANSFER_IN, otherClient, BUY, hkd, nextDay));

    assertEquals(4, all.size());
    assertEquals(
        new CustomerDayAccumulator(KEY).add(TRANSFER_IN).add(BUY).toSummary(), all.get(KEY));
    assertEquals(
        money("2.00"),
        all.get(new CustomerDayKey(Flows.CLIENT, Flows.DAY, MoneyType.HKD)).inflow());
    assertEquals(
        money("3.00"),
        all.get(new CustomerDayKey(Flows.CLIENT, 20261120, MoneyType.CNY)).outflow());
    assertEquals(1, all.get(new CustomerDayKey("C2", Flows.DAY, MoneyType.CNY)).entryCount());
  }
}
