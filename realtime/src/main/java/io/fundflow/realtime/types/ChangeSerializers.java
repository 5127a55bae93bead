package io.fundflow.realtime.types;

import static io.fundflow.realtime.types.StateCodec.readInt;
import static io.fundflow.realtime.types.StateCodec.readLong;
import static io.fundflow.realtime.types.StateCodec.readString;
import static io.fundflow.realtime.types.StateCodec.writeInt;
import static io.fundflow.realtime.types.StateCodec.writeLong;
import static io.fundflow.realtime.types.StateCodec.writeString;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.realtime.decode.RowChange;
import io.fundflow.realtime.fundflow.DayDelta;
import io.fundflow.realtime.fundflow.FlowChange;
import io.fundflow.realtime.fundflow.JournalChange;
import io.fundflow.realtime.types.RowSerializers.FlowSerializer;
import io.fundflow.realtime.types.RowSerializers.JournalEntrySerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializers of the change records between the fund-flow job's tasks (network only, never in
 * state): the journal change from the source, the versioned journal change, and the customer-day
 * delta. The POJO serializer around the row serializers wrote a null marker per field and rebuilt
 * each record reflectively, 9% of the job's samples (JFR). The rows inside keep {@link
 * RowSerializers}' form.
 */
public final class ChangeSerializers {

  private ChangeSerializers() {}

  /** A change of a FUND_JOURNAL row, from the decoder to the versioning. */
  public static final class JournalRowChangeSerializer
      extends ImmutableTypeSerializer<RowChange<FundJournalEntry>> {
    private static final long serialVersionUID = 1L;

    /** The one instance: it holds no state. */
    public static final JournalRowChangeSerializer INSTANCE = new JournalRowChangeSerializer();

    @Override
    public void serialize(RowChange<FundJournalEntry> c, DataOutputView out) throws IOException {
      writeNullableEnum(out, c.op());
      JournalEntrySerializer.INSTANCE.serialize(c.before(), out);
      JournalEntrySerializer.INSTANCE.serialize(c.after(), out);
      writePosition(out, c.position());
      writeLong(out, c.sourceTimeMillis());
    }

    @Override
    public RowChange<FundJournalEntry> deserialize(DataInputView in) throws IOException {
      return new RowChange<>(
          readNullableEnum(in, OPS),
          JournalEntrySerializer.INSTANCE.deserialize(in),
          JournalEntrySerializer.INSTANCE.deserialize(in),
          readPosition(in),
          readLong(in));
    }

    @Override
    public TypeSerializerSnapshot<RowChange<FundJournalEntry>> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The serializer's snapshot: no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RowChange<FundJournalEntry>> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A versioned journal change, from the versioning through the CHANNEL join to the CUSTOMER join. */
  public static final class JournalChangeSerializer extends ImmutableTypeSerializer<JournalChange> {
    private static final long serialVersionUID = 1L;

    /** The one instance: it holds no state. */
    public static final JournalChangeSerializer INSTANCE = new JournalChangeSerializer();

    @Override
    public void serialize(JournalChange c, DataOutputView out) throws IOException {
      JournalEntrySerializer.INSTANCE.serialize(c.previous(), out);
      out.writeBoolean(c.previousCounted());
      JournalEntrySerializer.INSTANCE.serialize(c.current(), out);
      Channel channel = c.channel();
      out.writeBoolean(channel != null);
      if (channel != null) {
        writeString(out, channel.channelCode());
        writeString(out, channel.channelName());
        writeNullableEnum(out, channel.channelType());
      }
      writePosition(out, c.position());
      writeLong(out, c.sourceTimeMillis());
    }

    @Override
    public JournalChange deserialize(DataInputView in) throws IOException {
      FundJournalEntry previous = JournalEntrySerializer.INSTANCE.deserialize(in);
      boolean previousCounted = in.readBoolean();
      FundJournalEntry current = JournalEntrySerializer.INSTANCE.deserialize(in);
      Channel channel =
          in.readBoolean()
              ? new Channel(readString(in), readString(in), readNullableEnum(in, CHANNEL_TYPES))
              : null;
      return new JournalChange(
          previous, previousCounted, current, channel, readPosition(in), readLong(in));
    }

    @Override
    public TypeSerializerSnapshot<JournalChange> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The serializer's snapshot: no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<JournalChange> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A DWD flow change (chained today; declared so that a re-wired pipeline keeps it compact). */
  public static final class FlowChangeSerializer extends ImmutableTypeSerializer<FlowChange> {
    private static final long serialVersionUID = 1L;

    /** The one instance: it holds no state. */
    public static final FlowChangeSerializer INSTANCE = new FlowChangeSerializer();

    @Override
    public void serialize(FlowChange c, DataOutputView out) throws IOException {
      FlowSerializer.INSTANCE.serialize(c.previous(), out);
      out.writeBoolean(c.previousCounted());
      FlowSerializer.INSTANCE.serialize(c.current(), out);
      writePosition(out, c.position());
      writeLong(out, c.sourceTimeMillis());
    }

    @Override
    public FlowChange deserialize(DataInputView in) throws IOException {
      return new FlowChange(
          FlowSerializer.INSTANCE.deserialize(in),
          in.readBoolean(),
          FlowSerializer.INSTANCE.deserialize(in),
          readPosition(in),
          readLong(in));
    }

    @Override
    public TypeSerializerSnapshot<FlowChange> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The serializer's snapshot: no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FlowChange> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** A customer-day delta, from the flow changes to the customer-day summaries. */
  public static final class DayDeltaSerializer extends ImmutableTypeSerializer<DayDelta> {
    private static final long serialVersionUID = 1L;

    /** The one instance: it holds no state. */
    public static final DayDeltaSerializer INSTANCE = new DayDeltaSerializer();

    @Override
    public void serialize(DayDelta d, DataOutputView out) throws IOException {
      CustomerDayKey key = d.key();
      writeString(out, key.clientId());
      writeInt(out, key.initDate());
      writeNullableEnum(out, key.moneyType());
      FlowSerializer.INSTANCE.serialize(d.retracted(), out);
      FlowSerializer.INSTANCE.serialize(d.added(), out);
      writePosition(out, d.position());
    }

    @Override
    public DayDelta deserialize(DataInputView in) throws IOException {
      CustomerDayKey key = new CustomerDayKey(readString(in), readInt(in), readNullableEnum(in, MONEY_TYPES));
      return new DayDelta(
          key, FlowSerializer.INSTANCE.deserialize(in), FlowSerializer.INSTANCE.deserialize(in), readPosition(in));
    }

    @Override
    public TypeSerializerSnapshot<DayDelta> snapshotConfiguration() {
      return new Snapshot();
    }

    /** The serializer's snapshot: no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DayDelta> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  private static void writePosition(DataOutputView out, SourcePosition p) throws IOException {
    out.writeBoolean(p != null);
    if (p != null) {
      writeLong(out, p.position());
      writeLong(out, p.commitTimeMillis());
    }
  }

  private static SourcePosition readPosition(DataInputView in) throws IOException {
    return in.readBoolean() ? new SourcePosition(readLong(in), readLong(in)) : null;
  }

  // Enums by ordinal: both ends of a network hop run the same code (state writes names instead).
  private static final ChangeOp[] OPS = ChangeOp.values();
  private static final ChannelType[] CHANNEL_TYPES = ChannelType.values();
  private static final MoneyType[] MONEY_TYPES = MoneyType.values();

  private static void writeNullableEnum(DataOutputView out, Enum<?> e) throws IOException {
    out.writeByte(e == null ? 0 : e.ordinal() + 1);
  }

  private static <E extends Enum<E>> E readNullableEnum(DataInputView in, E[] constants)
      throws IOException {
    int b = in.readUnsignedByte();
    if (b > constants.length) {
      throw new IOException("no constant " + (b - 1) + " in " + constants[0].getDeclaringClass().getSimpleName());
    }
    return b == 0 ? null : constants[b - 1];
  }
}
