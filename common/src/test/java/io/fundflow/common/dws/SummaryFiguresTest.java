package io.fundflow.common.dws;

import static io.fundflow.common.dws.Flows.at;
import static io.fundflow.common.dws.Flows.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fundflow.common.dwd.FundFlow;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SummaryFiguresTest {

  @Test
  void aFlowsFiguresAreItsKeyAmountCategoryAndBalancePointAtTheCent() {
    FundFlow f = flow(7, at(9, 30), 2041, "100.5", "1000");

    SummaryFigures figures = SummaryFigures.of(f);

    assertEquals(Flows.KEY, figures.key());
    assertEquals(new BigDecimal("100.50"), figures.amount());
    assertEquals(f.category(), figures.category());
    assertEquals(new BalancePoint(at(9, 30), 7, new BigDecimal("1000.00")), figures.balance());
  }

  @Test
  void countingFiguresIsCountingTheFlow() {
    FundFlow in = flow(1, at(9, 30), 2041, "100.50", "1000.00");
    FundFlow out = flow(2, at(10, 0), 2042, "-30.25", "969.75");

    CustomerDaySummary byFlows = new CustomerDayAccumulator().add(in).add(out).toSummary();
    CustomerDaySummary byFigures =
        new CustomerDayAccumulator()
            .add(SummaryFigures.of(in))
            .add(SummaryFigures.of(out))
            .toSummary();

    assertEquals(byFlows, byFigures);
    assertEquals(new BigDecimal("969.75"), byFigures.lastPostBalance());
  }

  @Test
  void figuresNotAtTheCentAreRefused() {
    SummaryFigures ok = SummaryFigures.of(flow(1, at(9, 30), 2041, "1.00", "1.00"));
    BalancePoint threeDecimals = new BalancePoint(at(9, 30), 1, new BigDecimal("1.005"));

    assertThrows(IllegalArgumentException.class,
        () -> new SummaryFigures(ok.key(), new BigDecimal("1.5"), ok.category(), ok.balance()));
    assertThrows(IllegalArgumentException.class,
        () -> new SummaryFigures(ok.key(), ok.amount(), ok.category(), threeDecimals));
  }
}
