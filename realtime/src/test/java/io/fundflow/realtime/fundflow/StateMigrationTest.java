package io.fundflow.realtime.fundflow;

import static io.fundflow.realtime.fundflow.Journal.delete;
import static io.fundflow.realtime.fundflow.Journal.entry;
import static io.fundflow.realtime.fundflow.Journal.insert;
import static io.fundflow.realtime.fundflow.Journal.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.decode.RowChange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Savepoints written before the compact state serializers (the accumulator through Kryo, the
 * journal versions through the POJO serializer) restore into the job of today, on both backends,
 * and the migrated state is written anew in the compact format.
 */
class StateMigrationTest {

  private static final Duration TTL = Duration.ofDays(14);

  // Exactly what `new ValueStateDescriptor<>(name, Class)` derived in the releases before.
  private static final TypeInformation<CustomerDayAccumulator> KRYO_ACCUMULATOR =
      TypeInformation.of(CustomerDayAccumulator.class);
  private static final TypeInformation<JournalVersion> POJO_VERSION =
      TypeInformation.of(JournalVersion.class);

  private static StateBackend backend(String name) {
    return name.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
  }

  private static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> harness(
      KeyedProcessFunction<String, I, O> function,
      org.apache.flink.api.java.functions.KeySelector<I, String> key,
      String backend)
      throws Exception {
    var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function), key, Types.STRING);
    h.setStateBackend(backend(backend));
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, DayDelta, CustomerDayUpdate> days(
      CustomerDayOperator operator, String backend) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            operator,
            (DayDelta d) -> d.key().clientId() + "/" + d.key().initDate() + "/" + d.key().moneyType(),
            Types.STRING);
    h.setStateBackend(backend(backend));
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, RowChange<FundJournalEntry>, JournalChange>
      versions(CurrentVersionFunction f, String backend) throws Exception {
    return harness(f, c -> c.row().primaryKey(), backend);
  }

  private static DayDelta add(FundFlow f, long position) {
    return new DayDelta(CustomerDayKey.of(f), f, true, new SourcePosition(position, 0));
  }

  private static FundFlow flow(long serial, String amount) {
    return FundFlowBuilder.build(entry(serial, "c1", amount), Optional.empty(), Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void customerDaysKryoWroteRestoreAndGoOn(String backend) throws Exception {
    assertInstanceOf(GenericTypeInfo.class, KRYO_ACCUMULATOR, "the old state really is Kryo's");
    OperatorSubtaskState old;
    try (var h = days(new CustomerDayOperator(TTL, Duration.ZERO, KRYO_ACCUMULATOR), backend)) {
      h.open();
      h.processElement(new StreamRecord<>(add(flow(1, "100.10"), 10)));
      h.processElement(new StreamRecord<>(add(flow(2, "-30.50"), 11)));
      old = h.snapshot(1, 1);
    }
    OperatorSubtaskState migrated;
    try (var h = days(new CustomerDayOperator(TTL, Duration.ZERO), backend)) {
      h.initializeState(old);
      h.open();
      h.processElement(new StreamRecord<>(add(flow(3, "0.25"), 12)));
      CustomerDaySummary s = h.extractOutputValues().get(0).summary();
      assertEquals("100.35", s.inflow().toPlainString());
      assertEquals("30.50", s.outflow().toPlainString());
      assertEquals(3, s.entryCount());
      assertEquals(12, h.extractOutputValues().get(0).version());
      migrated = h.snapshot(2, 2);
    }
    // The migrated state was written by the compact serializer: a restore needs no Kryo.
    try (var h = days(new CustomerDayOperator(TTL, Duration.ZERO), backend)) {
      h.initializeState(migrated);
      h.open();
      FundFlow first = flow(1, "100.10");
      h.processElement(
          new StreamRecord<>(new DayDelta(CustomerDayKey.of(first), first, false, new SourcePosition(13, 0))));
      CustomerDaySummary s = h.extractOutputValues().get(0).summary();
      assertEquals("0.25", s.inflow().toPlainString(), "the retraction found what Kryo had counted");
      assertEquals(2, s.entryCount());
      if (backend.equals("hashmap")) { // the harness counts entries of the heap backend only
        assertEquals(2, h.numKeyedStateEntries(), "one accumulator and one version, nothing lost");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void journalVersionsThePojoSerializerWroteRestoreAndGoOn(String backend) throws Exception {
    assertInstanceOf(PojoTypeInfo.class, POJO_VERSION, "the old state really is the POJO serializer's");
    FundJournalEntry kept = entry(1, "c1", "1.10");
    FundJournalEntry deleted = entry(2, "c2", "-5.00");
    OperatorSubtaskState old;
    try (var h = versions(new CurrentVersionFunction(TTL, POJO_VERSION), backend)) {
      h.open();
      h.processElement(new StreamRecord<>(insert(kept, 10)));
      h.processElement(new StreamRecord<>(insert(deleted, 11)));
      h.processElement(new StreamRecord<>(delete(deleted, 12)));
      old = h.snapshot(1, 1);
    }
    OperatorSubtaskState migrated;
    FundJournalEntry changed = entry(1, "c1", "2.20");
    try (var h = versions(new CurrentVersionFunction(TTL), backend)) {
      h.initializeState(old);
      h.open();
      h.processElement(new StreamRecord<>(update(kept, changed, 20)));
      h.processElement(new StreamRecord<>(insert(deleted, 5))); // late older insert after the delete
      List<JournalChange> out = h.extractOutputValues();
      assertEquals(1, out.size(), "the tombstone survived: the late insert is dropped");
      assertEquals(kept, out.get(0).previous());
      assertEquals("1.10", out.get(0).previous().occurBalance().toPlainString());
      assertTrue(out.get(0).previousCounted());
      migrated = h.snapshot(2, 2);
    }
    try (var h = versions(new CurrentVersionFunction(TTL), backend)) {
      h.initializeState(migrated);
      h.open();
      h.processElement(new StreamRecord<>(delete(changed, 30)));
      h.processElement(new StreamRecord<>(insert(deleted, 6)));
      List<JournalChange> out = h.extractOutputValues();
      assertEquals(1, out.size());
      assertEquals(changed, out.get(0).previous());
      assertNull(out.get(0).current());
    }
  }

  /**
   * Releases before the summary emit interval kept the customer-days in a keyed process function
   * (a {@code KeyedProcessOperator}, with its timer service) under the same uid and state names;
   * their savepoints restore into the operator of today.
   */
  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void customerDaysTheKeyedFunctionWroteRestoreIntoTheOperator(String backend) throws Exception {
    FundFlow first = flow(1, "100.10");
    OperatorSubtaskState old;
    try (var h =
        harness(
            new KeyedProcessFunction<String, DayDelta, Void>() {
              @Override
              public void processElement(DayDelta d, Context ctx, org.apache.flink.util.Collector<Void> out)
                  throws Exception {
                // What the earlier function stored: the accumulator and its running version.
                var acc =
                    getRuntimeContext()
                        .getState(
                            new org.apache.flink.api.common.state.ValueStateDescriptor<>(
                                CustomerDayOperator.ACCUMULATOR_STATE, CustomerDayOperator.STATE_TYPE));
                var version =
                    getRuntimeContext()
                        .getState(
                            new org.apache.flink.api.common.state.ValueStateDescriptor<>(
                                CustomerDayOperator.VERSION_STATE, Types.LONG));
                acc.update(new CustomerDayAccumulator(d.key()).add(d.added()));
                version.update(d.position().position());
              }
            },
            (DayDelta d) -> d.key().clientId() + "/" + d.key().initDate() + "/" + d.key().moneyType(),
            backend)) {
      h.open();
      h.processElement(new StreamRecord<>(add(first, 10)));
      old = h.snapshot(1, 1);
    }
    try (var h = days(new CustomerDayOperator(TTL, Duration.ZERO), backend)) {
      h.initializeState(old);
      h.open();
      h.processElement(new StreamRecord<>(add(flow(2, "0.25"), 5)));
      CustomerDayUpdate u = h.extractOutputValues().get(0);
      assertEquals("100.35", u.summary().inflow().toPlainString());
      assertEquals(2, u.summary().entryCount());
      assertEquals(10, u.version(), "the running version was restored too");
    }
  }

  /**
   * State keyed with Flink's String serializer (every release before the job's own key serializer)
   * restores under the job's key type: the keys are found, so the late insert after a delete is
   * still dropped and the kept row still retracts.
   */
  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void stateKeyedWithFlinksStringSerializerRestoresUnderTheJobsKeyType(String backend) throws Exception {
    FundJournalEntry kept = entry(1, "c1", "1.10");
    FundJournalEntry deleted = entry(2, "c2", "-5.00");
    OperatorSubtaskState old;
    try (var h = versions(new CurrentVersionFunction(TTL), backend)) {
      h.open();
      h.processElement(new StreamRecord<>(insert(kept, 10)));
      h.processElement(new StreamRecord<>(insert(deleted, 11)));
      h.processElement(new StreamRecord<>(delete(deleted, 12)));
      old = h.snapshot(1, 1);
    }
    var keyed =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new CurrentVersionFunction(TTL)),
            (RowChange<FundJournalEntry> c) -> c.row().primaryKey(),
            FundFlowTypes.STATE_KEY);
    keyed.setStateBackend(backend(backend));
    try (var h = keyed) {
      h.initializeState(old);
      h.open();
      h.processElement(new StreamRecord<>(insert(deleted, 5)));
      h.processElement(new StreamRecord<>(update(kept, entry(1, "c1", "2.20"), 20)));
      List<JournalChange> out = h.extractOutputValues();
      assertEquals(1, out.size(), "the tombstone was found under its key: the late insert is dropped");
      assertEquals(kept, out.get(0).previous());
      assertTrue(out.get(0).previousCounted(), "the kept row's version was found under its key");
    }
  }
}
