package io.fundflow.realtime.fundflow;

import static io.fundflow.realtime.fundflow.Journal.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DayDeltaTest {

  private static final SourcePosition AT = new SourcePosition(20, 0);

  private static FundFlow flow(FundJournalEntry e) {
    return FundFlowBuilder.build(e, Optional.empty(), Optional.empty());
  }

  @Test
  void anUpdateWithinItsSummaryIsOneDeltaRetractingAndAdding() {
    FundFlow before = flow(entry(1, "c1", "10.00"));
    FundFlow after = flow(entry(1, "c1", "25.00"));
    List<DayDelta> deltas = DayDelta.of(new FlowChange(before, true, after, AT, 0));
    assertEquals(1, deltas.size());
    assertSame(before, deltas.get(0).retracted());
    assertSame(after, deltas.get(0).added());
  }

  @Test
  void anUpdateThatMovesToAnotherCurrencyIsTwoDeltas() {
    FundJournalEntry e = entry(1, "c1", "10.00");
    FundFlow before = flow(e);
    FundFlow after =
        flow(
            new FundJournalEntry(
                e.initDate(), e.serialNo(), e.occurTime(), e.clientId(), e.fundAccount(),
                e.branchNo(), MoneyType.USD, e.businessFlag(), e.occurBalance(), e.postBalance(),
                e.channel(), e.remark()));
    List<DayDelta> deltas = DayDelta.of(new FlowChange(before, true, after, AT, 0));
    assertEquals(2, deltas.size());
    assertSame(before, deltas.get(0).retracted());
    assertNull(deltas.get(0).added());
    assertEquals(MoneyType.USD, deltas.get(1).key().moneyType());
    assertSame(after, deltas.get(1).added());
  }

  @Test
  void anInsertAddsAndADeleteRetracts() {
    FundFlow f = flow(entry(1, "c1", "10.00"));
    assertSame(f, DayDelta.of(new FlowChange(null, false, f, AT, 0)).get(0).added());
    DayDelta delete = DayDelta.of(new FlowChange(f, true, null, AT, 0)).get(0);
    assertSame(f, delete.retracted());
    assertNull(delete.added());
  }
}
