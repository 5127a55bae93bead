package io.fundflow.realtime.fundflow;

import static io.fundflow.realtime.fundflow.Journal.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CustomerDayOperatorTest {

  /** Emitting after every change: each delta's summary can be checked on its own. */
  private static KeyedOneInputStreamOperatorTestHarness<String, DayDelta, CustomerDayUpdate> harness()
      throws Exception {
    return harness(Duration.ZERO);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, DayDelta, CustomerDayUpdate> harness(
      Duration emitInterval) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new CustomerDayOperator(Duration.ofDays(14), emitInterval),
        d -> d.key().clientId() + "/" + d.key().initDate() + "/" + d.key().moneyType(),
        Types.STRING);
  }

  private static FundFlow flow(long serial, String client, String amount) {
    return FundFlowBuilder.build(entry(serial, client, amount), Optional.empty(), Optional.empty());
  }

  private static DayDelta delta(FundFlow f, boolean add, long position) {
    return new DayDelta(CustomerDayKey.of(f), f, add, new SourcePosition(position, 0));
  }

  private static FundFlow flow(long serial, String amount) {
    return FundFlowBuilder.build(entry(serial, "c1", amount), Optional.empty(), Optional.empty());
  }

  @Test
  void anUpdateRetractsTheOldAmountAndAddsTheNew() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "50000.00"), true, 10)));
      // An update within its summary is one delta (DayDelta.of): retract and add at once.
      h.processElement(
          new StreamRecord<>(
              new DayDelta(
                  CustomerDayKey.of(flow(1, "5000.00")),
                  flow(1, "50000.00"),
                  flow(1, "5000.00"),
                  new SourcePosition(20, 0))));
      List<CustomerDayUpdate> out = h.extractOutputValues();
      CustomerDayUpdate last = out.get(out.size() - 1);
      assertEquals("5000.00", last.summary().inflow().toPlainString());
      assertEquals(1, last.summary().entryCount());
      assertEquals(20, last.version());
    }
  }

  @Test
  void anUpdateOfTheDaysOnlyEntryWritesOneSummaryAndNeverRemovesIt() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "10.00"), true, 10)));
      FundFlow before = flow(1, "10.00");
      FundFlow after = flow(1, "25.00");
      h.processElement(
          new StreamRecord<>(
              new DayDelta(CustomerDayKey.of(after), before, after, new SourcePosition(20, 0))));
      List<CustomerDayUpdate> out = h.extractOutputValues();
      // A removal at version 20 followed by a put at version 20 would hide the row in HBase.
      assertEquals(2, out.size(), "one summary per change");
      assertEquals("25.00", out.get(1).summary().inflow().toPlainString());
      assertEquals(1, out.get(1).summary().entryCount());
      assertEquals(20, out.get(1).version());
    }
  }

  @Test
  void anOlderEntryArrivingAfterTheDayWasEmptiedKeepsTheRunningMaximumVersion() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "10.00"), true, 10)));
      h.processElement(new StreamRecord<>(delta(flow(1, "10.00"), false, 30)));
      // Entry 2 was inserted at 20, but reached the operator after entry 1's delete at 30.
      h.processElement(new StreamRecord<>(delta(flow(2, "7.00"), true, 20)));
      List<CustomerDayUpdate> out = h.extractOutputValues();
      assertNull(out.get(1).summary());
      assertEquals(30, out.get(1).version());
      assertEquals("7.00", out.get(2).summary().inflow().toPlainString());
      assertEquals(30, out.get(2).version(), "never below the emptied day's write");
      h.processElement(new StreamRecord<>(delta(flow(3, "1.00"), true, 40)));
      assertEquals(40, h.extractOutputValues().get(3).version(), "later changes keep their position");
    }
  }

  @Test
  void retractingTheLastEntryRemovesTheSummaryAndClearsState() throws Exception {
    try (var h = harness()) {
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "10.00"), true, 10)));
      h.processElement(new StreamRecord<>(delta(flow(1, "10.00"), false, 30)));
      CustomerDayUpdate last = h.extractOutputValues().get(1);
      assertNull(last.summary(), "an empty day is removed from the served table");
      assertEquals(30, last.version());
      assertEquals(1, h.numKeyedStateEntries(), "only the version tombstone is left, no accumulator");
    }
  }

  @Test
  void theAccumulatorSurvivesASnapshotAndRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "100.00"), true, 10)));
      h.processElement(new StreamRecord<>(delta(flow(2, "-30.50"), true, 11)));
      snapshot = h.snapshot(1, 1);
    }
    try (var h = harness()) {
      h.initializeState(snapshot);
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(3, "0.25"), true, 12)));
      CustomerDayUpdate u = h.extractOutputValues().get(0);
      assertEquals("100.25", u.summary().inflow().toPlainString());
      assertEquals("30.50", u.summary().outflow().toPlainString());
      assertEquals("69.75", u.summary().net().toPlainString());
      assertEquals(3, u.summary().entryCount());
      assertEquals(12, u.version());
    }
  }

  @Test
  void changesWithinTheIntervalAreEmittedOncePerDayWithTheLatestSummary() throws Exception {
    try (var h = harness(Duration.ofMillis(200))) {
      h.setProcessingTime(1_000);
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "c1", "10.00"), true, 10)));
      h.processElement(new StreamRecord<>(delta(flow(2, "c2", "5.00"), true, 11)));
      h.processElement(new StreamRecord<>(delta(flow(3, "c1", "-2.50"), true, 12)));
      h.setProcessingTime(1_199);
      assertEquals(List.of(), h.extractOutputValues(), "nothing before the interval has passed");
      h.setProcessingTime(1_200);
      List<CustomerDayUpdate> out = h.extractOutputValues();
      assertEquals(2, out.size(), "one summary per changed day");
      assertEquals("c1", out.get(0).key().clientId());
      assertEquals("7.50", out.get(0).summary().net().toPlainString());
      assertEquals(2, out.get(0).summary().entryCount());
      assertEquals(12, out.get(0).version());
      assertEquals("c2", out.get(1).key().clientId());
      assertEquals("5.00", out.get(1).summary().net().toPlainString());
      assertEquals(11, out.get(1).version());

      h.processElement(new StreamRecord<>(delta(flow(4, "c2", "1.00"), true, 13)));
      h.setProcessingTime(1_399);
      assertEquals(2, h.extractOutputValues().size());
      h.setProcessingTime(1_400);
      out = h.extractOutputValues();
      assertEquals(3, out.size(), "only the day changed since the last emission");
      assertEquals("6.00", out.get(2).summary().net().toPlainString());
    }
  }

  @Test
  void aDayEmptiedWithinTheIntervalIsEmittedEmptyWithItsKeyAndLatestVersion() throws Exception {
    try (var h = harness(Duration.ofMillis(200))) {
      h.setProcessingTime(0);
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "c1", "10.00"), true, 10)));
      h.processElement(new StreamRecord<>(delta(flow(1, "c1", "10.00"), false, 30)));
      h.setProcessingTime(200);
      List<CustomerDayUpdate> out = h.extractOutputValues();
      assertEquals(1, out.size());
      assertNull(out.get(0).summary());
      assertEquals(CustomerDayKey.of(flow(1, "c1", "10.00")), out.get(0).key());
      assertEquals(30, out.get(0).version());
    }
  }

  @Test
  void everyPendingSummaryIsEmittedBeforeACheckpointSoTheCheckpointHoldsNoUnwrittenChange()
      throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = harness(Duration.ofMinutes(10))) {
      h.setProcessingTime(0);
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "c1", "10.00"), true, 10)));
      assertEquals(List.of(), h.extractOutputValues());
      h.prepareSnapshotPreBarrier(1);
      snapshot = h.snapshot(1, 1);
      List<CustomerDayUpdate> out = h.extractOutputValues();
      assertEquals(1, out.size(), "emitted before the barrier");
      assertEquals("10.00", out.get(0).summary().inflow().toPlainString());
    }
    try (var h = harness(Duration.ofMinutes(10))) {
      h.setProcessingTime(0);
      h.initializeState(snapshot);
      h.open();
      h.setProcessingTime(Duration.ofMinutes(20).toMillis());
      assertEquals(List.of(), h.extractOutputValues(), "a restored operator owes no summary");
    }
  }

  @Test
  void everyPendingSummaryIsEmittedAtTheEndOfInput() throws Exception {
    try (var h = harness(Duration.ofMinutes(10))) {
      h.setProcessingTime(0);
      h.open();
      h.processElement(new StreamRecord<>(delta(flow(1, "c1", "10.00"), true, 10)));
      h.processElement(new StreamRecord<>(delta(flow(2, "c2", "-4.00"), true, 11)));
      h.endInput();
      List<CustomerDayUpdate> out = h.extractOutputValues();
      assertEquals(2, out.size());
      assertEquals("-4.00", out.get(1).summary().net().toPlainString());
    }
  }

  @Test
  void aNegativeIntervalIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CustomerDayOperator(Duration.ofDays(14), Duration.ofMillis(-1)));
  }
}
