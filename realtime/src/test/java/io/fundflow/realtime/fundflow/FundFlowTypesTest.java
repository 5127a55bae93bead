package io.fundflow.realtime.fundflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.realtime.decode.ChangeLogTypes;
import io.fundflow.realtime.types.RowMutationSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The fund-flow job's stream types: Flink's own serializers all the way down, every field kept. */
class FundFlowTypesTest {

  private static final FundJournalEntry ENTRY = Journal.entry(7, "C1", "-12.34");
  private static final SourcePosition AT = new SourcePosition(42, 1_700_000_000_000L);
  private static final FundFlow FLOW =
      FundFlowBuilder.build(
          ENTRY,
          Optional.of(new Customer("C1", "Zhang San", "0", "110101199001011234", "13800001234", 3101, 20200101, "0", 3, true)),
          Optional.of(new Channel("7", "mobile", ChannelType.values()[0])));
  private static final FundFlow BARE = FundFlowBuilder.build(ENTRY, Optional.empty(), Optional.empty());

  @Test
  void streamTypesAreKryoFree() {
    for (TypeInformation<?> info :
        List.of(
            ChangeLogTypes.JOURNAL,
            FundFlowTypes.JOURNAL_CHANGE,
            FundFlowTypes.FLOW_CHANGE,
            FundFlowTypes.DAY_DELTA,
            FundFlowTypes.CUSTOMER_DAY_UPDATE)) {
      List<String> generic = new ArrayList<>();
      collectGeneric(info, info.getTypeClass().getSimpleName(), generic);
      assertTrue(generic.isEmpty(), "Kryo-serialized fields: " + generic);
    }
  }

  @Test
  void everyFieldSurvivesARoundTrip() throws Exception {
    assertEquals(FLOW, roundTrip(FundFlowTypes.FUND_FLOW, FLOW));
    assertEquals(BARE, roundTrip(FundFlowTypes.FUND_FLOW, BARE));
    FundFlow notKey =
        new FundFlow(
            FLOW.initDate(), FLOW.serialNo(), FLOW.occurTime(), FLOW.clientId(), FLOW.fundAccount(),
            FLOW.branchNo(), FLOW.moneyType(), FLOW.businessFlag(), FLOW.occurBalance(),
            FLOW.postBalance(), null, null, FLOW.category(), FLOW.direction(), true, null, 0, false,
            null, "渠道");
    assertEquals(notKey, roundTrip(FundFlowTypes.FUND_FLOW, notKey));
    assertEquals(null, roundTrip(FundFlowTypes.FUND_FLOW, null));
    assertEquals(null, roundTrip(ChangeLogTypes.JOURNAL_ENTRY, null));
    assertEquals(Journal.update(ENTRY, ENTRY, 9), roundTrip(ChangeLogTypes.JOURNAL, Journal.update(ENTRY, ENTRY, 9)));
    JournalChange jc = new JournalChange(ENTRY, true, ENTRY, new Channel("7", "mobile", ChannelType.values()[0]), AT, 5L);
    assertEquals(jc, roundTrip(FundFlowTypes.JOURNAL_CHANGE, jc));
    JournalChange deleted = new JournalChange(ENTRY, false, null, null, AT, 5L);
    assertEquals(deleted, roundTrip(FundFlowTypes.JOURNAL_CHANGE, deleted));
    FlowChange fc = new FlowChange(BARE, true, FLOW, AT, 6L);
    assertEquals(fc, roundTrip(FundFlowTypes.FLOW_CHANGE, fc));
    DayDelta delta = new DayDelta(CustomerDayKey.of(FLOW), BARE, FLOW, AT);
    assertEquals(delta, roundTrip(FundFlowTypes.DAY_DELTA, delta));
    CustomerDayAccumulator acc = new CustomerDayAccumulator(CustomerDayKey.of(FLOW)).add(FLOW);
    CustomerDayUpdate update = new CustomerDayUpdate(CustomerDayKey.of(FLOW), acc.toSummary(), 42);
    assertEquals(update, roundTrip(FundFlowTypes.CUSTOMER_DAY_UPDATE, update));
    CustomerDayUpdate emptied = new CustomerDayUpdate(CustomerDayKey.of(FLOW), null, 43);
    assertEquals(emptied, roundTrip(FundFlowTypes.CUSTOMER_DAY_UPDATE, emptied));
  }

  @Test
  void everyShapeOfAChangeSurvivesARoundTrip() throws Exception {
    for (var change : List.of(Journal.insert(ENTRY, 3), Journal.delete(ENTRY, 4))) {
      assertEquals(change, roundTrip(ChangeLogTypes.JOURNAL, change));
    }
    JournalChange untypedChannel = new JournalChange(null, false, ENTRY, new Channel("9", null, null), AT, 7L);
    assertEquals(untypedChannel, roundTrip(FundFlowTypes.JOURNAL_CHANGE, untypedChannel));
    FlowChange deleted = new FlowChange(BARE, false, null, AT, 8L);
    assertEquals(deleted, roundTrip(FundFlowTypes.FLOW_CHANGE, deleted));
    DayDelta retractOnly = new DayDelta(CustomerDayKey.of(FLOW), BARE, false, AT);
    assertEquals(retractOnly, roundTrip(FundFlowTypes.DAY_DELTA, retractOnly));
  }

  @Test
  void anUnknownEnumConstantIsAnErrorNotAWrongValue() throws Exception {
    TypeSerializer<DayDelta> serializer = FundFlowTypes.DAY_DELTA.createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(new DayDelta(CustomerDayKey.of(FLOW), FLOW, true, AT), out);
    byte[] bytes = out.getCopyOfBuffer();
    // The money type's ordinal byte follows the client id (length + bytes) and the init date.
    int moneyTypeAt = 1 + FLOW.clientId().length() + 4;
    assertEquals(FLOW.moneyType().ordinal() + 1, bytes[moneyTypeAt]);
    bytes[moneyTypeAt] = 100;
    IOException e =
        assertThrows(IOException.class, () -> serializer.deserialize(new DataInputDeserializer(bytes)));
    assertTrue(e.getMessage().contains("MoneyType"), e.getMessage());
  }

  @Test
  void rowMutationsRoundTrip() throws Exception {
    for (RowMutation m :
        List.of(
            FundFlowRows.put(FLOW, 42),
            FundFlowRows.delete(FLOW, 43),
            FundFlowRows.manifest(20261119, LocalDate.of(2026, 11, 19), 44),
            CustomerDayRows.empty(CustomerDayKey.of(FLOW), 45))) {
      assertEquals(m, roundTrip(FundFlowTypes.ROW_MUTATION, m));
    }
  }

  @Test
  void theRowMutationSerializerRestoresFromItsSnapshot() throws Exception {
    TypeSerializerSnapshot<RowMutation> snapshot = RowMutationSerializer.INSTANCE.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    TypeSerializerSnapshot<RowMutation> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
    assertEquals(RowMutationSerializer.INSTANCE, read.restoreSerializer());
    assertTrue(
        RowMutationSerializer.INSTANCE
            .snapshotConfiguration()
            .resolveSchemaCompatibility(read)
            .isCompatibleAsIs());
  }

  private static <T> T roundTrip(TypeInformation<T> info, T value) throws Exception {
    TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T read = serializer.deserialize(in);
    assertEquals(0, in.available(), "every byte read back");
    return read;
  }

  private static void collectGeneric(TypeInformation<?> info, String path, List<String> out) {
    if (info instanceof GenericTypeInfo) {
      out.add(path);
    } else if (info instanceof CompositeType<?> composite) {
      String[] names = composite.getFieldNames();
      for (int i = 0; i < composite.getArity(); i++) {
        collectGeneric(composite.getTypeAt(i), path + "." + names[i], out);
      }
    }
  }
}
