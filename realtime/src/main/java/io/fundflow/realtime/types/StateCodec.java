package io.fundflow.realtime.types;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The compact field encodings of the state serializers. Numbers are variable-length (most are
 * small: dates, branch numbers, counts, amounts in cents), strings UTF-8 with their byte length,
 * money exact (unscaled value and scale, so 1.10 stays 1.10), enums by name (so adding or
 * reordering constants never misreads old state). Every nullable field costs one length or tag.
 */
final class StateCodec {

  private static final int NULL = 0;
  private static final int COMPACT = 1;
  private static final int WIDE = 2;

  // The heap backend's snapshot writes through a DataOutputStream, whose write(int) is
  // synchronized: a value written field by field there cost one lock per byte (measured ~8 µs per
  // customer-day accumulator). Each value is built in this buffer and written with one call.
  private static final ThreadLocal<DataOutputSerializer> SCRATCH =
      ThreadLocal.withInitial(() -> new DataOutputSerializer(512));
  private static final int SCRATCH_KEPT_BYTES = 1 << 20;

  private StateCodec() {}

  /** How a serializer writes one value's fields. */
  interface Writer<T> {
    void write(T value, DataOutputView out) throws IOException;
  }

  /**
   * Writes {@code value} with {@code writer} in one call to {@code out}; straight into it when it
   * already is an in-memory buffer (RocksDB, the network stack).
   */
  static <T> void writeBuffered(T value, DataOutputView out, Writer<T> writer) throws IOException {
    if (out instanceof DataOutputSerializer direct) {
      writer.write(value, direct);
      return;
    }
    DataOutputSerializer buffer = SCRATCH.get();
    buffer.clear();
    writer.write(value, buffer);
    out.write(buffer.getSharedBuffer(), 0, buffer.length());
    if (buffer.getSharedBuffer().length > SCRATCH_KEPT_BYTES) {
      SCRATCH.remove(); // one huge value must not pin its buffer for the thread's life
    }
  }

  /** An unsigned variable-length long: 7 bits a byte, the high bit set while more follow. */
  static void writeVarLong(DataOutputView out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  static long readVarLong(DataInputView in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("variable-length number longer than 10 bytes");
  }

  /** A signed long, zig-zag encoded so that small negative numbers stay short too. */
  static void writeLong(DataOutputView out, long v) throws IOException {
    writeVarLong(out, (v << 1) ^ (v >> 63));
  }

  static long readLong(DataInputView in) throws IOException {
    long z = readVarLong(in);
    return (z >>> 1) ^ -(z & 1);
  }

  static void writeInt(DataOutputView out, int v) throws IOException {
    writeLong(out, v);
  }

  static int readInt(DataInputView in) throws IOException {
    long v = readLong(in);
    if (v != (int) v) {
      throw new IOException("int out of range: " + v);
    }
    return (int) v;
  }

  /** A count or length (never negative). */
  static void writeSize(DataOutputView out, int size) throws IOException {
    writeVarLong(out, size);
  }

  static int readSize(DataInputView in) throws IOException {
    long n = readVarLong(in);
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new IOException("size out of range: " + n);
    }
    return (int) n;
  }

  /** Null as 0, otherwise the UTF-8 byte length plus one, then the bytes. */
  static void writeString(DataOutputView out, String s) throws IOException {
    if (s == null) {
      writeVarLong(out, 0);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(out, bytes.length + 1L);
    out.write(bytes);
  }

  static String readString(DataInputView in) throws IOException {
    int n = readSize(in);
    if (n == 0) {
      return null;
    }
    byte[] bytes = new byte[n - 1];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Exact money: a tag, the scale, then the unscaled value as a variable-length long when it fits
   * (every real amount) or as its two's-complement bytes.
   */
  static void writeDecimal(DataOutputView out, BigDecimal d) throws IOException {
    if (d == null) {
      out.writeByte(NULL);
      return;
    }
    BigInteger unscaled = d.unscaledValue();
    if (unscaled.bitLength() < 64) {
      out.writeByte(COMPACT);
      writeInt(out, d.scale());
      writeLong(out, unscaled.longValue());
    } else {
      out.writeByte(WIDE);
      writeInt(out, d.scale());
      byte[] bytes = unscaled.toByteArray();
      writeSize(out, bytes.length);
      out.write(bytes);
    }
  }

  static BigDecimal readDecimal(DataInputView in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case NULL:
        return null;
      case COMPACT:
        {
          int scale = readInt(in);
          return BigDecimal.valueOf(readLong(in), scale);
        }
      case WIDE:
        {
          int scale = readInt(in);
          byte[] bytes = new byte[readSize(in)];
          in.readFully(bytes);
          return new BigDecimal(new BigInteger(bytes), scale);
        }
      default:
        throw new IOException("unknown decimal tag " + tag);
    }
  }

  /**
   * A local date-time, exact to the nanosecond: a presence byte, the epoch day, the second of the
   * day and the nanosecond (journal times are whole seconds: one byte).
   */
  static void writeDateTime(DataOutputView out, LocalDateTime t) throws IOException {
    if (t == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(COMPACT);
    writeLong(out, t.toLocalDate().toEpochDay());
    writeVarLong(out, t.toLocalTime().toSecondOfDay());
    writeVarLong(out, t.getNano());
  }

  static LocalDateTime readDateTime(DataInputView in) throws IOException {
    int tag = in.readUnsignedByte();
    if (tag == NULL) {
      return null;
    }
    if (tag != COMPACT) {
      throw new IOException("unknown date-time tag " + tag);
    }
    LocalDate date = LocalDate.ofEpochDay(readLong(in));
    long second = readVarLong(in);
    long nano = readVarLong(in);
    if (second >= 86_400 || nano >= 1_000_000_000) {
      throw new IOException("time of day out of range: " + second + " s " + nano + " ns");
    }
    return LocalDateTime.of(date, LocalTime.ofSecondOfDay(second).withNano((int) nano));
  }

  /** An enum constant by name, null allowed. */
  static void writeEnum(DataOutputView out, Enum<?> e) throws IOException {
    writeString(out, e == null ? null : e.name());
  }

  static <E extends Enum<E>> E readEnum(DataInputView in, Class<E> type) throws IOException {
    String name = readString(in);
    if (name == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IOException("state holds " + type.getSimpleName() + "." + name + ", which this code no longer has", e);
    }
  }
}
