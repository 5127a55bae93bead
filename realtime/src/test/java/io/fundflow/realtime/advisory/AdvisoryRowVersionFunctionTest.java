package io.fundflow.realtime.advisory;

import static io.fundflow.realtime.advisory.Advisory.DAY1;
import static io.fundflow.realtime.advisory.Advisory.applied;
import static io.fundflow.realtime.advisory.Advisory.delete;
import static io.fundflow.realtime.advisory.Advisory.movedTo;
import static io.fundflow.realtime.advisory.Advisory.order;
import static io.fundflow.realtime.advisory.Advisory.signed;
import static io.fundflow.realtime.advisory.Advisory.upsert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.OrderType;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdvisoryRowVersionFunctionTest {

  private KeyedOneInputStreamOperatorTestHarness<String, AdvisoryChange, PortfolioChange> harness;

  @BeforeEach
  void open() throws Exception {
    harness = newHarness();
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, AdvisoryChange, PortfolioChange>
      newHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new AdvisoryRowVersionFunction()),
        AdvisoryChange::rowKey,
        Types.STRING);
  }

  private List<PortfolioChange> send(AdvisoryChange c) throws Exception {
    int before = harness.extractOutputValues().size();
    harness.processElement(new StreamRecord<>(c, 0));
    List<PortfolioChange> all = harness.extractOutputValues();
    return all.subList(before, all.size());
  }

  @Test
  void aNewerVersionIsRoutedToItsPortfolio() throws Exception {
    AdvisoryContract c = applied("C1", "K1", "P1", DAY1);
    AdvisoryChange insert = upsert(c, 10, DAY1);
    assertEquals(List.of(new PortfolioChange("P1", insert, false)), send(insert));
    AdvisoryChange sign = upsert(signed(c, DAY1), 20, DAY1);
    assertEquals(List.of(new PortfolioChange("P1", sign, false)), send(sign));
  }

  @Test
  void duplicatesAndOlderVersionsAreDropped() throws Exception {
    AdvisoryContract c = applied("C1", "K1", "P1", DAY1);
    send(upsert(signed(c, DAY1), 20, DAY1));
    assertEquals(List.of(), send(upsert(signed(c, DAY1), 20, DAY1)), "duplicate");
    assertEquals(List.of(), send(upsert(c, 10, DAY1)), "older version");
  }

  @Test
  void aLateInsertAfterTheDeleteIsDropped() throws Exception {
    AdvisoryOrder o = order("O1", applied("C1", "K1", "P1", DAY1), OrderType.ADD, "1.00", DAY1);
    AdvisoryChange del = delete(o, 30, DAY1);
    assertEquals(List.of(new PortfolioChange("P1", del, false)), send(del));
    assertEquals(List.of(), send(upsert(o, 20, DAY1)));
  }

  @Test
  void contractsAndOrdersWithTheSameIdAreDifferentRows() throws Exception {
    AdvisoryContract c = applied("X1", "K1", "P1", DAY1);
    AdvisoryOrder o = order("X1", c, OrderType.ADD, "1.00", DAY1);
    send(upsert(c, 20, DAY1));
    assertEquals(1, send(upsert(o, 10, DAY1)).size());
  }

  @Test
  void aPortfolioMoveRetractsTheRowFromThePortfolioItLeft() throws Exception {
    AdvisoryContract c = signed(applied("C1", "K1", "P1", DAY1), DAY1);
    send(upsert(c, 10, DAY1));
    AdvisoryChange move = upsert(movedTo(c, "P2"), 20, DAY1);
    assertEquals(
        List.of(
            new PortfolioChange("P1", move.asDelete(), true),
            new PortfolioChange("P2", move, false)),
        send(move));
    // A delete goes where the row is now, and survives a snapshot.
    OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
    harness.close();
    harness = newHarness();
    harness.initializeState(snapshot);
    harness.open();
    AdvisoryChange del = delete(c, 30, DAY1);
    assertEquals(List.of(new PortfolioChange("P2", del, false)), send(del));
  }
}
