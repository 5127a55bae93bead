package io.fundflow.hbase.coprocessor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scan attribute that asks {@link RangeScanObserver} to run a scan as one bounded scan per key
 * range: its name, and the ranges' wire format. Clients send it beside an equivalent {@code
 * MultiRowRangeFilter}, so a region server without the observer gives the same rows.
 *
 * <p>Format: a version byte (1), the range count, then each range's start and stop, every count and
 * length an unsigned varint. The ranges must be ascending and must not overlap.
 */
public final class RangeScanAttribute {

  /** The attribute's name on the {@code Scan}. */
  public static final String NAME = "fundflow.range-scan";

  /** More ranges than a year of days has, by far; a larger count is refused as malformed. */
  public static final int MAX_RANGES = 10_000;

  private static final int VERSION = 1;

  private RangeScanAttribute() {}

  /**
   * The attribute's value for {@code ranges}, which must be ascending and disjoint, and at most
   * {@link #MAX_RANGES}.
   */
  public static byte[] encode(List<ScanRange> ranges) {
    if (ranges.size() > MAX_RANGES) {
      throw new IllegalArgumentException(
          NAME + ": " + ranges.size() + " ranges, at most " + MAX_RANGES);
    }
    checkOrder(ranges);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + ranges.size() * 84);
    out.write(VERSION);
    writeVarint(out, ranges.size());
    for (ScanRange r : ranges) {
      writeVarint(out, r.startInclusive().length);
      out.writeBytes(r.startInclusive());
      writeVarint(out, r.stopExclusive().length);
      out.writeBytes(r.stopExclusive());
    }
    return out.toByteArray();
  }

  /**
   * The ranges in {@code value}.
   *
   * @throws IllegalArgumentException if the value is not in this format, or its ranges are out of
   *     order
   */
  public static List<ScanRange> decode(byte[] value) {
    ByteBuffer in = ByteBuffer.wrap(value);
    try {
      int version = in.get() & 0xFF;
      if (version != VERSION) {
        throw new IllegalArgumentException(NAME + ": unknown version " + version);
      }
      int count = readVarint(in);
      if (count > MAX_RANGES) {
        throw new IllegalArgumentException(NAME + ": " + count + " ranges, at most " + MAX_RANGES);
      }
      List<ScanRange> ranges = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] start = readBytes(in);
        byte[] stop = readBytes(in);
        ranges.add(new ScanRange(start, stop));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(
            NAME + ": " + in.remaining() + " bytes after the ranges");
      }
      checkOrder(ranges);
      return List.copyOf(ranges);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException(NAME + ": truncated", e);
    }
  }

  private static void checkOrder(List<ScanRange> ranges) {
    for (int i = 1; i < ranges.size(); i++) {
      if (Arrays.compareUnsigned(ranges.get(i - 1).stopExclusive(), ranges.get(i).startInclusive())
          > 0) {
        throw new IllegalArgumentException(
            NAME + ": range " + i + " starts before range " + (i - 1) + " stops");
      }
    }
  }

  private static byte[] readBytes(ByteBuffer in) {
    int length = readVarint(in);
    if (length > in.remaining()) {
      throw new IllegalArgumentException(NAME + ": truncated");
    }
    byte[] b = new byte[length];
    in.get(b);
    return b;
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  private static int readVarint(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.get() & 0xFF;
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value < 0) {
          break;
        }
        return value;
      }
    }
    throw new IllegalArgumentException(NAME + ": malformed length");
  }
}
