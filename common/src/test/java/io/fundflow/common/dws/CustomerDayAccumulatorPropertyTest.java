package io.fundflow.common.dws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dwd.FundFlow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CustomerDayAccumulatorPropertyTest {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  @Provide
  Arbitrary<FundFlow> flow() {
    Arbitrary<Long> serial = Arbitraries.longs().between(1, 40);
    // A narrow time range makes ties on OCCUR_TIME common, so the serial tie-break is exercised.
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, 20);
    Arbitrary<Integer> flag =
        Arbitraries.of(2041, 2042, 4001, 4002, 4101, 4201, 4301, 4401, 4402, 9999);
    Arbitrary<BigDecimal> cents =
        Arbitraries.longs()
            .between(-1_000_000_000L, 1_000_000_000L)
            .map(c -> BigDecimal.valueOf(c, 2));
    // About one amount in ten is zero: counted, in neither sum.
    Arbitrary<BigDecimal> amount =
        Arbitraries.integers().between(0, 9).flatMap(i -> i == 0 ? Arbitraries.just(ZERO) : cents);
    Arbitrary<BigDecimal> post =
        Arbitraries.longs().between(0, 10_000_000_000L).map(c -> BigDecimal.valueOf(c, 2));
    return Combinators.combine(serial, minute, flag, amount, post)
        .as(
            (s, m, f, a, p) ->
                Flows.flow(s, Flows.at(9, 30).plusMinutes(m), f, a.toPlainString(), p.toPlainString()));
  }

  @Provide
  Arbitrary<List<FundFlow>> flows() {
    return flow().list().ofMaxSize(30);
  }

  private static CustomerDayAccumulator addAll(List<FundFlow> flows) {
    CustomerDayAccumulator acc = new CustomerDayAccumulator(Flows.KEY);
    flows.forEach(acc::add);
    return acc;
  }

  @Property
  void addThenRetractIsIdentity(
      @ForAll("flows") List<FundFlow> base, @ForAll("flows") List<FundFlow> extra) {
    CustomerDayAccumulator acc = addAll(base);
    extra.forEach(acc::add);
    extra.forEach(acc::retract);
    assertEquals(addAll(base).toSummary(), acc.toSummary());

    base.forEach(acc::retract);
    assertTrue(acc.isEmpty());
    assertEquals(new CustomerDayAccumulator(Flows.KEY).toSummary(), acc.toSummary());
  }

  @Property
  void resultDoesNotDependOnArrivalOrder(
      @ForAll("flows") List<FundFlow> kept,
      @ForAll("flows") List<FundFlow> retracted,
      @ForAll Random random) {
    // The same adds and retracts (updates and deletes) in a canonical and in a shuffled order.
    record Op(FundFlow flow, boolean add) {}
    List<Op> ops = new ArrayList<>();
    kept.forEach(f -> ops.add(new Op(f, true)));
    retracted.forEach(f -> ops.add(new Op(f, true)));
    retracted.forEach(f -> ops.add(new Op(f, false)));
    List<Op> shuffled = new ArrayList<>(ops);
    Collections.shuffle(shuffled, random);

    CustomerDayAccumulator inOrder = new CustomerDayAccumulator(Flows.KEY);
    ops.forEach(op -> apply(inOrder, op.flow(), op.add()));
    CustomerDayAccumulator anyOrder = new CustomerDayAccumulator(Flows.KEY);
    shuffled.forEach(op -> apply(anyOrder, op.flow(), op.add()));

    assertEquals(inOrder.toSummary(), anyOrder.toSummary());
    assertEquals(addAll(kept).toSummary(), anyOrder.toSummary());
  }

  @Property
  void mergeEqualsSequentialAdd(
      @ForAll("flows") List<FundFlow> flows, @ForAll @IntRange(min = 0, max = 30) int cut) {
    int at = Math.min(cut, flows.size());
    CustomerDayAccumulator left = addAll(flows.subList(0, at));
    CustomerDayAccumulator right = new CustomerDayAccumulator(); // keyless, like an engine's zero
    flows.subList(at, flows.size()).forEach(right::add);

    CustomerDaySummary merged = left.merge(right).toSummary();

    assertEquals(addAll(flows).toSummary(), merged);
  }

  @Property
  void mergeCarriesRetractions(
      @ForAll("flows") List<FundFlow> kept, @ForAll("flows") List<FundFlow> deleted) {
    CustomerDayAccumulator adds = addAll(kept);
    deleted.forEach(adds::add);
    CustomerDayAccumulator retracts = new CustomerDayAccumulator(Flows.KEY);
    deleted.forEach(retracts::retract);
    assertEquals(addAll(kept).toSummary(), retracts.merge(adds).toSummary());
  }

  @Property
  void totalsReconcileToTheCent(@ForAll("flows") List<FundFlow> flows) {
    CustomerDaySummary s = addAll(flows).toSummary();
    BigDecimal sumOfAmounts =
        flows.stream().map(FundFlow::occurBalance).reduce(ZERO, BigDecimal::add);
    BigDecimal positive =
        flows.stream().map(FundFlow::occurBalance).filter(a -> a.signum() > 0)
            .reduce(ZERO, BigDecimal::add);

    assertEquals(sumOfAmounts, s.net());
    assertEquals(s.net(), s.inflow().subtract(s.outflow()));
    assertEquals(positive, s.inflow());
    assertTrue(s.outflow().signum() >= 0);
    assertEquals(2, s.net().scale());
    assertEquals(flows.size(), s.entryCount());
    assertEquals(
        s.net(),
        s.byCategory().values().stream().map(CategoryTotal::sum).reduce(ZERO, BigDecimal::add));
    assertEquals(
        s.entryCount(), s.byCategory().values().stream().mapToLong(CategoryTotal::count).sum());
  }

  @Property
  void lastBalanceIsThatOfTheLatestEntryByTimeThenSerial(@ForAll("flows") List<FundFlow> flows) {
    CustomerDaySummary s = addAll(flows).toSummary();
    FundFlow latest =
        flows.stream()
            .max(
                Comparator.comparing(FundFlow::occurTime)
                    .thenComparingLong(FundFlow::serialNo)
                    .thenComparing(FundFlow::postBalance))
            .orElse(null);
    assertEquals(latest == null ? null : latest.postBalance(), s.lastPostBalance());
    if (latest != null) {
      List<FundFlow> withoutLatest = new ArrayList<>(flows);
      withoutLatest.remove(latest);
      assertEquals(
          addAll(withoutLatest).toSummary(), addAll(flows).retract(latest).toSummary());
    }
  }

  @Property
  void bulkSummariesUseTheSameAccumulator(@ForAll("flows") List<FundFlow> flows) {
    var all = CustomerDaySummaries.of(flows);
    if (flows.isEmpty()) {
      assertTrue(all.isEmpty());
    } else {
      assertEquals(java.util.Map.of(Flows.KEY, addAll(flows).toSummary()), all);
    }
  }

  private static void apply(CustomerDayAccumulator acc, FundFlow flow, boolean add) {
    if (add) {
      acc.add(flow);
    } else {
      acc.retract(flow);
    }
  }
}
