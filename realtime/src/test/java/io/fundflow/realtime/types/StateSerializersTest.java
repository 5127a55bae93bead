package io.fundflow.realtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.realtime.fundflow.JournalVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class StateSerializersTest {

  private static FundJournalEntry entry(
      long serial, String client, String amount, String post, String channel, String remark) {
    return new FundJournalEntry(
        20261119,
        serial,
        LocalDateTime.of(2026, 11, 19, 9, 30, 15, 123_456_789),
        client,
        "6" + client,
        3101,
        MoneyType.HKD,
        2041,
        new BigDecimal(amount),
        new BigDecimal(post),
        channel,
        remark);
  }

  private static FundFlow flow(long serial, String amount, String post, int minute) {
    FundJournalEntry e =
        new FundJournalEntry(
            20261119, serial, LocalDateTime.of(2026, 11, 19, 10, minute), "C1", "F1", 1001,
            MoneyType.CNY, new BigDecimal(amount).signum() >= 0 ? 2041 : 4001,
            new BigDecimal(amount), new BigDecimal(post), "M01", null);
    return FundFlowBuilder.build(e, Optional.empty(), Optional.empty());
  }

  private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = s.deserialize(in);
    assertEquals(0, in.available(), "every byte written is read back");
    // Flink also copies serialized values as bytes (e.g. on state migration).
    DataOutputSerializer copied = new DataOutputSerializer(64);
    s.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertEquals(java.util.Arrays.toString(out.getCopyOfBuffer()), java.util.Arrays.toString(copied.getCopyOfBuffer()));
    // A checkpoint stream (not an in-memory buffer) gets the same bytes, through the scratch buffer.
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    s.serialize(value, new org.apache.flink.core.memory.DataOutputViewStreamWrapper(stream));
    assertEquals(java.util.Arrays.toString(out.getCopyOfBuffer()), java.util.Arrays.toString(stream.toByteArray()));
    return back;
  }

  @Test
  void aJournalVersionRoundTripsExactlyIncludingScaleNullsAndUnicode() throws IOException {
    JournalVersionSerializer s = JournalVersionSerializer.INSTANCE;
    JournalVersion v =
        new JournalVersion(
            new SourcePosition(Long.MAX_VALUE, -5),
            entry(9_000_000_001L, "客户-Ω-😀", "1.10", "-0.000000000000000000000001", "7", null));
    JournalVersion back = roundTrip(s, v);
    assertEquals(v, back);
    assertEquals("1.10", back.entry().occurBalance().toPlainString(), "scale kept: 1.10 stays 1.10");
    assertEquals(24, back.entry().postBalance().scale());
    assertNull(back.entry().remark());

    JournalVersion huge =
        new JournalVersion(
            new SourcePosition(0, 0),
            entry(1, "", "123456789012345678901234567890.12", "1E+3", null, ""));
    JournalVersion hugeBack = roundTrip(s, huge);
    assertEquals(huge, hugeBack);
    assertEquals(-3, hugeBack.entry().postBalance().scale(), "a negative scale stays");
    assertEquals("", hugeBack.entry().remark(), "empty is not null");
  }

  @Test
  void aTombstoneAndANullRoundTrip() throws IOException {
    JournalVersionSerializer s = JournalVersionSerializer.INSTANCE;
    JournalVersion tombstone = new JournalVersion(new SourcePosition(42, 1_700_000_000_000L), null);
    assertEquals(tombstone, roundTrip(s, tombstone));
    assertNull(roundTrip(s, null));
    assertEquals(new JournalVersion(null, null), roundTrip(s, new JournalVersion(null, null)));
  }

  @Test
  void aJournalVersionIsSmallerThanWithThePojoSerializer() throws IOException {
    JournalVersion v =
        new JournalVersion(new SourcePosition(123_456_789, 1_764_000_000_000L),
            entry(1_234_567, "C00012345", "-3000.00", "96000.00", "7", "transfer out"));
    DataOutputSerializer ours = new DataOutputSerializer(64);
    JournalVersionSerializer.INSTANCE.serialize(v, ours);
    DataOutputSerializer pojo = new DataOutputSerializer(64);
    TypeInformation.of(JournalVersion.class).createSerializer(new SerializerConfigImpl()).serialize(v, pojo);
    assertTrue(
        ours.length() < pojo.length(),
        "compact " + ours.length() + " bytes vs POJO " + pojo.length());
  }

  @Test
  void anAccumulatorRoundTripsWithNegativeMultiplicitiesAndGoesOnAlike() throws IOException {
    CustomerDayAccumulatorSerializer s = CustomerDayAccumulatorSerializer.INSTANCE;
    CustomerDayAccumulator acc = new CustomerDayAccumulator();
    acc.add(flow(1, "50000.10", "150000.10", 5)).add(flow(2, "-12.35", "149987.75", 6));
    acc.retract(flow(3, "8.00", "149995.75", 7)); // before its add: negative counts for a while
    CustomerDayAccumulator back = roundTrip(s, acc);
    assertEquals(acc.parts(), back.parts());
    assertEquals("49992.10", back.parts().inflow().toPlainString(), "50000.10 less the early retraction");
    back.add(flow(3, "8.00", "149995.75", 7));
    acc.add(flow(3, "8.00", "149995.75", 7));
    assertEquals(acc.toSummary(), back.toSummary());
  }

  @Test
  void aKeylessEmptyAccumulatorAndANullRoundTrip() throws IOException {
    CustomerDayAccumulatorSerializer s = CustomerDayAccumulatorSerializer.INSTANCE;
    CustomerDayAccumulator back = roundTrip(s, new CustomerDayAccumulator());
    assertNull(back.key());
    assertTrue(back.isEmpty());
    assertNull(roundTrip(s, null));
  }

  @Test
  void aCopyOfAnAccumulatorIsIndependent() {
    CustomerDayAccumulator acc = new CustomerDayAccumulator().add(flow(1, "10.00", "10.00", 1));
    CustomerDayAccumulator copy = CustomerDayAccumulatorSerializer.INSTANCE.copy(acc);
    assertNotSame(acc, copy);
    copy.add(flow(2, "5.00", "15.00", 2));
    assertEquals(1, acc.toSummary().entryCount(), "the heap backend's copy-on-write relies on it");
    assertEquals(2, copy.toSummary().entryCount());
  }

  @Test
  void corruptStateFailsLoudly() {
    byte[] unknownFormat = {7};
    assertThrows(
        IOException.class,
        () -> CustomerDayAccumulatorSerializer.INSTANCE.deserialize(new DataInputDeserializer(unknownFormat)));
    assertThrows(
        IOException.class,
        () -> JournalVersionSerializer.INSTANCE.deserialize(new DataInputDeserializer(unknownFormat)));
  }

  @Test
  void stateOfTheReflectiveSerializersIsMigratedAndOtherStateRefused() {
    SerializerConfigImpl config = new SerializerConfigImpl();
    TypeSerializerSnapshot<CustomerDayAccumulator> kryo =
        new KryoSerializer<>(CustomerDayAccumulator.class, config).snapshotConfiguration();
    assertTrue(
        CustomerDayAccumulatorSerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(kryo)
            .isCompatibleAfterMigration());

    TypeSerializer<JournalVersion> pojo = TypeInformation.of(JournalVersion.class).createSerializer(config);
    assertInstanceOf(PojoSerializer.class, pojo, "what releases before this serializer used");
    assertTrue(
        JournalVersionSerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(pojo.snapshotConfiguration())
            .isCompatibleAfterMigration());

    TypeSerializerSchemaCompatibility<JournalVersion> same =
        JournalVersionSerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(JournalVersionSerializer.INSTANCE.snapshotConfiguration());
    assertTrue(same.isCompatibleAsIs());

    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<CustomerDayAccumulator> strings =
        (TypeSerializerSnapshot) Types.STRING.createSerializer(config).snapshotConfiguration();
    assertTrue(
        CustomerDayAccumulatorSerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(strings)
            .isIncompatible());
  }
}
