package io.fundflow.common.hbase;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A rowkey range {@code [startInclusive, stopExclusive)} in unsigned byte order, ready for a scan's
 * start and stop rows. An empty {@code stopExclusive} means "to the end of the table", as in HBase.
 */
public record KeyRange(byte[] startInclusive, byte[] stopExclusive) {

  public KeyRange {
    startInclusive = startInclusive.clone();
    stopExclusive = stopExclusive.clone();
    if (stopExclusive.length > 0 && Arrays.compareUnsigned(startInclusive, stopExclusive) > 0) {
      throw new IllegalArgumentException("start after stop: " + hex(startInclusive, stopExclusive));
    }
  }

  /** Every key that starts with {@code prefix}. */
  public static KeyRange prefix(byte[] prefix) {
    return new KeyRange(prefix, successorOfPrefix(prefix));
  }

  /** A copy of the inclusive start row. */
  @Override
  public byte[] startInclusive() {
    return startInclusive.clone();
  }

  /** A copy of the exclusive stop row (empty: unbounded). */
  @Override
  public byte[] stopExclusive() {
    return stopExclusive.clone();
  }

  /** True when {@code key} lies in this range. */
  public boolean contains(byte[] key) {
    return Arrays.compareUnsigned(key, startInclusive) >= 0
        && (stopExclusive.length == 0 || Arrays.compareUnsigned(key, stopExclusive) < 0);
  }

  /** The smallest key greater than every key with this prefix; empty when there is none. */
  static byte[] successorOfPrefix(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] stop = Arrays.copyOf(prefix, i + 1);
        stop[i]++;
        return stop;
      }
    }
    return new byte[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRange r
        && Arrays.equals(startInclusive, r.startInclusive)
        && Arrays.equals(stopExclusive, r.stopExclusive);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(startInclusive) + Arrays.hashCode(stopExclusive);
  }

  @Override
  public String toString() {
    return "KeyRange" + hex(startInclusive, stopExclusive);
  }

  private static String hex(byte[] start, byte[] stop) {
    HexFormat hex = HexFormat.of();
    return "[" + hex.formatHex(start) + ", " + hex.formatHex(stop) + ")";
  }
}
