package io.fundflow.realtime.types;

import static io.fundflow.realtime.types.StateCodec.readDateTime;
import static io.fundflow.realtime.types.StateCodec.readDecimal;
import static io.fundflow.realtime.types.StateCodec.readEnum;
import static io.fundflow.realtime.types.StateCodec.readInt;
import static io.fundflow.realtime.types.StateCodec.readLong;
import static io.fundflow.realtime.types.StateCodec.readSize;
import static io.fundflow.realtime.types.StateCodec.readString;
import static io.fundflow.realtime.types.StateCodec.writeDateTime;
import static io.fundflow.realtime.types.StateCodec.writeDecimal;
import static io.fundflow.realtime.types.StateCodec.writeEnum;
import static io.fundflow.realtime.types.StateCodec.writeInt;
import static io.fundflow.realtime.types.StateCodec.writeLong;
import static io.fundflow.realtime.types.StateCodec.writeSize;
import static io.fundflow.realtime.types.StateCodec.writeString;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.BalancePoint;
import io.fundflow.common.dws.CustomerDayAccumulator;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of the {@link CustomerDayAccumulator} kept in keyed state, written from its
 * {@link CustomerDayAccumulator.Parts}. Kryo wrote its HashMaps and TreeMap object by object at
 * every checkpoint (heap backend) or state access (RocksDB).
 *
 * <p>Format 1: a format byte (0 for null), the key (presence byte, client, date, currency), inflow,
 * outflow, entry count, then the category sums, category counts and balance points with their
 * multiplicities, each list preceded by its length.
 */
public final class CustomerDayAccumulatorSerializer
    extends TypeSerializerSingleton<CustomerDayAccumulator> {

  private static final long serialVersionUID = 1L;

  /** The one instance: it holds no state. */
  public static final CustomerDayAccumulatorSerializer INSTANCE =
      new CustomerDayAccumulatorSerializer();

  // A leading byte per value lets a later format read this one value by value, without a
  // migration of the whole state.
  private static final int NULL = 0;
  private static final int FORMAT_1 = 1;
  private static final Category[] CATEGORIES = Category.values();

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public CustomerDayAccumulator createInstance() {
    return new CustomerDayAccumulator();
  }

  @Override
  public CustomerDayAccumulator copy(CustomerDayAccumulator from) {
    return from == null ? null : CustomerDayAccumulator.restore(from.parts());
  }

  @Override
  public CustomerDayAccumulator copy(CustomerDayAccumulator from, CustomerDayAccumulator reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(CustomerDayAccumulator acc, DataOutputView out) throws IOException {
    StateCodec.writeBuffered(acc, out, CustomerDayAccumulatorSerializer::write);
  }

  private static void write(CustomerDayAccumulator acc, DataOutputView out) throws IOException {
    if (acc == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(FORMAT_1);
    CustomerDayAccumulator.Parts p = acc.parts();
    CustomerDayKey key = p.key();
    out.writeBoolean(key != null);
    if (key != null) {
      writeString(out, key.clientId());
      writeInt(out, key.initDate());
      writeEnum(out, key.moneyType());
    }
    writeDecimal(out, p.inflow());
    writeDecimal(out, p.outflow());
    writeLong(out, p.entryCount());
    // Categories in enum order, not the maps' hash order (which follows the enum constants'
    // identity hashes, so differs between JVMs): equal accumulators give equal bytes.
    writeSize(out, p.categorySums().size());
    for (Category c : CATEGORIES) {
      BigDecimal sum = p.categorySums().get(c);
      if (sum != null) {
        writeEnum(out, c);
        writeDecimal(out, sum);
      }
    }
    writeSize(out, p.categoryCounts().size());
    for (Category c : CATEGORIES) {
      Long count = p.categoryCounts().get(c);
      if (count != null) {
        writeEnum(out, c);
        writeLong(out, count);
      }
    }
    writeSize(out, p.balancePoints().size());
    for (Map.Entry<BalancePoint, Integer> e : p.balancePoints().entrySet()) {
      BalancePoint b = e.getKey();
      writeDateTime(out, b.occurTime());
      writeLong(out, b.serialNo());
      writeDecimal(out, b.postBalance());
      writeInt(out, e.getValue());
    }
  }

  @Override
  public CustomerDayAccumulator deserialize(DataInputView in) throws IOException {
    int format = in.readUnsignedByte();
    if (format == NULL) {
      return null;
    }
    if (format != FORMAT_1) {
      throw new IOException("unknown customer-day state format " + format);
    }
    CustomerDayKey key = null;
    if (in.readBoolean()) {
      key = new CustomerDayKey(readString(in), readInt(in), readEnum(in, MoneyType.class));
    }
    BigDecimal inflow = readDecimal(in);
    BigDecimal outflow = readDecimal(in);
    long entryCount = readLong(in);
    // EnumMap here is fine: restore copies into the accumulator's own maps.
    EnumMap<Category, BigDecimal> sums = new EnumMap<>(Category.class);
    for (int i = readSize(in); i > 0; i--) {
      sums.put(readEnum(in, Category.class), readDecimal(in));
    }
    EnumMap<Category, Long> counts = new EnumMap<>(Category.class);
    for (int i = readSize(in); i > 0; i--) {
      counts.put(readEnum(in, Category.class), readLong(in));
    }
    TreeMap<BalancePoint, Integer> points = new TreeMap<>();
    for (int i = readSize(in); i > 0; i--) {
      BalancePoint b = new BalancePoint(readDateTime(in), readLong(in), readDecimal(in));
      points.put(b, readInt(in));
    }
    try {
      return CustomerDayAccumulator.restore(
          new CustomerDayAccumulator.Parts(key, inflow, outflow, entryCount, sums, counts, points));
    } catch (RuntimeException e) {
      throw new IOException("corrupt customer-day state", e);
    }
  }

  @Override
  public CustomerDayAccumulator deserialize(CustomerDayAccumulator reuse, DataInputView in)
      throws IOException {
    return deserialize(in);
  }

  @Override
  public void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public TypeSerializerSnapshot<CustomerDayAccumulator> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer's snapshot; migrates state written by Kryo before this serializer existed. */
  public static final class Snapshot extends MigratingSnapshot<CustomerDayAccumulator> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
