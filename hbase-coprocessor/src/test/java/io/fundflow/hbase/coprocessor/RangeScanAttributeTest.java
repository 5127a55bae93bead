package io.fundflow.hbase.coprocessor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RangeScanAttributeTest {

  @Test
  void rangesComeBackAsSent() {
    Random random = new Random(7);
    for (int n : new int[] {0, 1, 2, 30, 366}) {
      List<ScanRange> ranges = ascendingRanges(random, n);
      List<ScanRange> back = RangeScanAttribute.decode(RangeScanAttribute.encode(ranges));
      assertEquals(n, back.size());
      for (int i = 0; i < n; i++) {
        assertArrayEquals(ranges.get(i).startInclusive(), back.get(i).startInclusive());
        assertArrayEquals(ranges.get(i).stopExclusive(), back.get(i).stopExclusive());
      }
    }
  }

  @Test
  void longKeysTakeMultiByteLengths() {
    byte[] start = new byte[300];
    byte[] stop = new byte[300];
    stop[299] = 1;
    List<ScanRange> back =
        RangeScanAttribute.decode(RangeScanAttribute.encode(List.of(new ScanRange(start, stop))));
    assertArrayEquals(stop, back.get(0).stopExclusive());
  }

  @Test
  void overlappingRangesAreRefused() {
    List<ScanRange> overlapping =
        List.of(new ScanRange(key(1), key(5)), new ScanRange(key(4), key(9)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RangeScanAttribute.encode(overlapping));
    assertTrue(e.getMessage().contains("range 1 starts before range 0 stops"), e.getMessage());
  }

  @Test
  void moreRangesThanTheLimitAreRefused() {
    List<ScanRange> tooMany = ascendingRanges(new Random(3), RangeScanAttribute.MAX_RANGES + 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RangeScanAttribute.encode(tooMany));
    assertTrue(e.getMessage().contains("at most " + RangeScanAttribute.MAX_RANGES), e.getMessage());
    List<ScanRange> atTheLimit = tooMany.subList(0, RangeScanAttribute.MAX_RANGES);
    assertEquals(
        RangeScanAttribute.MAX_RANGES,
        RangeScanAttribute.decode(RangeScanAttribute.encode(atTheLimit)).size());
  }

  @Test
  void malformedValuesAreRefusedWithTheAttributesName() {
    byte[] good =
        RangeScanAttribute.encode(
            List.of(new ScanRange(key(1), key(2)), new ScanRange(key(3), key(4))));
    List<byte[]> bad = new ArrayList<>();
    bad.add(new byte[0]); // empty
    bad.add(Arrays.copyOf(good, good.length - 1)); // truncated
    bad.add(Arrays.copyOf(good, good.length + 1)); // trailing byte
    byte[] version = good.clone();
    version[0] = 2;
    bad.add(version);
    bad.add(new byte[] {1, (byte) 0x91, (byte) 0x4E}); // 10,001 ranges
    bad.add(new byte[] {1, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
    byte[] reversed = good.clone(); // stop before start in the first range
    reversed[3] = 9;
    bad.add(reversed);
    for (byte[] value : bad) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> RangeScanAttribute.decode(value),
              Arrays.toString(value));
      assertTrue(
          e.getMessage().contains(RangeScanAttribute.NAME)
              || e.getMessage().contains("must start before it stops"),
          e.getMessage());
    }
  }

  static byte[] key(int... bytes) {
    byte[] k = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      k[i] = (byte) bytes[i];
    }
    return k;
  }

  private static List<ScanRange> ascendingRanges(Random random, int n) {
    List<ScanRange> ranges = new ArrayList<>();
    int at = 0;
    for (int i = 0; i < n; i++) {
      at += 1 + random.nextInt(5);
      byte[] start = keyOf(at, random.nextInt(40));
      at += 1 + random.nextInt(5);
      byte[] stop = keyOf(at, random.nextInt(40));
      ranges.add(new ScanRange(start, stop));
    }
    return ranges;
  }

  /** A key that sorts by {@code order}, padded with {@code extra} random-free bytes. */
  private static byte[] keyOf(int order, int extra) {
    byte[] k = new byte[4 + extra];
    k[0] = (byte) (order >>> 24);
    k[1] = (byte) (order >>> 16);
    k[2] = (byte) (order >>> 8);
    k[3] = (byte) order;
    return k;
  }
}
