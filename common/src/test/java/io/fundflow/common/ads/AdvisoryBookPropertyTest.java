package io.fundflow.common.ads;

import static io.fundflow.common.ads.AdvisoryBookTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AdvisoryBookPropertyTest {

  private static final int[] DAYS = {20261116, 20261117, 20261118, 20261119, 20261120};

  /** One source change: a contract or an order version, or a delete of one (row null). */
  record Change(boolean contract, String key, AdvisoryContract c, AdvisoryOrder o) {}

  @Provide
  Arbitrary<Change> change() {
    Arbitrary<String> client = Arbitraries.of("A", "B", "C");
    Arbitrary<String> portfolio = Arbitraries.of("P1", "P2");
    Arbitrary<Integer> dayIndex = Arbitraries.integers().between(0, DAYS.length - 1);
    Arbitrary<Integer> lag = Arbitraries.integers().between(0, 2);
    Arbitrary<String> contractId = Arbitraries.of("K1", "K2", "K3", "K4", "K5");

    Arbitrary<Change> contract =
        Combinators.combine(
                contractId, client, portfolio, dayIndex, lag, lag,
                Arbitraries.of(ContractStatus.class), Arbitraries.integers().between(0, 9))
            .as(
                (id, cl, p, d, signLag, termLag, status, deleteRoll) -> {
                  if (deleteRoll == 0) {
                    return new Change(true, id, null, null);
                  }
                  LocalDateTime apply = at(DAYS[d], 9);
                  LocalDateTime sign = status == ContractStatus.SIGNED
                      || status == ContractStatus.TERMINATED ? apply.plusDays(signLag) : null;
                  LocalDateTime term = status == ContractStatus.TERMINATED && termLag < 2
                      ? (sign == null ? apply : sign).plusDays(termLag).plusHours(1) : null;
                  return new Change(
                      true, id, new AdvisoryContract(id, cl, p, 1001, apply, sign, term, status),
                      null);
                });
    Arbitrary<Change> order =
        Combinators.combine(
                Arbitraries.of("O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8"), contractId,
                client, portfolio, Arbitraries.of(OrderType.class),
                Arbitraries.longs().between(1, 1_000_000).map(c -> BigDecimal.valueOf(c, 2)),
                dayIndex, Arbitraries.of(OrderStatus.class))
            .as(
                (id, k, cl, p, type, amount, d, status) ->
                    amount.unscaledValue().longValue() % 10 == 0
                        ? new Change(false, id, null, null)
                        : new Change(
                            false, id, null,
                            new AdvisoryOrder(id, k, cl, p, type, amount, at(DAYS[d], 11), DAYS[d],
                                status)));
    return Arbitraries.oneOf(contract, order);
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    return change().list().ofMaxSize(40);
  }

  private static void apply(AdvisoryBook book, Change ch, SourcePosition pos) {
    if (ch.contract()) {
      if (ch.c() == null) {
        book.deleteContract(ch.key(), pos);
      } else {
        book.upsertContract(ch.c(), pos);
      }
    } else if (ch.o() == null) {
      book.deleteOrder(ch.key(), pos);
    } else {
      book.upsertOrder(ch.o(), pos);
    }
  }

  private static Map<Integer, List<AdvisoryDailyMetrics>> allDays(AdvisoryBook book) {
    Map<Integer, List<AdvisoryDailyMetrics>> out = new HashMap<>();
    for (int d : DAYS) {
      out.put(d, book.metricsFor(d));
    }
    out.put(20261121, book.metricsFor(20261121));
    return out;
  }

  @Property
  void sameVersionsInAnyOrderGiveTheSameMetrics(
      @ForAll("changes") List<Change> changes, @ForAll Random random) {
    // The generated order is the source order: change i has position i + 1.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      order.add(i);
    }
    AdvisoryBook inSourceOrder = new AdvisoryBook();
    order.forEach(i -> apply(inSourceOrder, changes.get(i), new SourcePosition(i + 1, 0)));

    Collections.shuffle(order, random);
    AdvisoryBook shuffled = new AdvisoryBook();
    order.forEach(i -> apply(shuffled, changes.get(i), new SourcePosition(i + 1, 0)));
    // Replays of already-applied versions change nothing.
    order.subList(0, order.size() / 2)
        .forEach(i -> apply(shuffled, changes.get(i), new SourcePosition(i + 1, 0)));

    assertEquals(allDays(inSourceOrder), allDays(shuffled));
  }

  @Property
  void theBatchBookOfLatestRowsEqualsTheStreamBook(@ForAll("changes") List<Change> changes) {
    AdvisoryBook stream = new AdvisoryBook();
    Map<String, Change> latest = new HashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      Change ch = changes.get(i);
      apply(stream, ch, new SourcePosition(i + 1, 0));
      latest.put((ch.contract() ? "K:" : "O:") + ch.key(), ch);
    }
    // The batch sees only the day-end rows (no history, no deletes) and loads them once.
    AdvisoryBook batch = new AdvisoryBook();
    latest.values().stream()
        .filter(ch -> ch.c() != null || ch.o() != null)
        .forEach(ch -> apply(batch, ch, new SourcePosition(0, 0)));

    assertEquals(allDays(batch), allDays(stream));
  }

  @Property
  void perPortfolioRowsMatchTheListedRows(@ForAll("changes") List<Change> changes) {
    AdvisoryBook book = new AdvisoryBook();
    for (int i = 0; i < changes.size(); i++) {
      apply(book, changes.get(i), new SourcePosition(i + 1, 0));
    }
    for (int d : DAYS) {
      for (AdvisoryDailyMetrics row : book.metricsFor(d)) {
        assertEquals(row, book.metricsFor(d, row.portfolioCode()));
      }
      for (String p : book.portfolios()) {
        AdvisoryDailyMetrics row = book.metricsFor(d, p);
        // SPEC identities that hold whatever the data.
        assertEquals(
            row.appliedContracts() == 0,
            row.signRate() == null,
            "sign rate null exactly when nothing applied");
        if (!book.hasRow(d, p)) {
          assertEquals(0, row.retainedCustomers());
          assertEquals(0, row.aum().signum());
        }
      }
    }
  }
}
