package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyRangeTest {

  @Test
  void prefixRangeStopsAtTheNextPrefix() {
    KeyRange r = KeyRange.prefix(new byte[] {0x03, (byte) 0xFF});

    assertArrayEquals(new byte[] {0x04}, r.stopExclusive());
    assertTrue(r.contains(new byte[] {0x03, (byte) 0xFF, 0x00}));
    assertTrue(r.contains(new byte[] {0x03, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
    assertFalse(r.contains(new byte[] {0x03, (byte) 0xFE, (byte) 0xFF}));
    assertFalse(r.contains(new byte[] {0x04}));
  }

  @Test
  void allOnesPrefixIsUnboundedAbove() {
    KeyRange r = KeyRange.prefix(new byte[] {(byte) 0xFF});
    assertEquals(0, r.stopExclusive().length);
    assertTrue(r.contains(new byte[] {(byte) 0xFF, (byte) 0xFF}));
  }

  @Test
  void comparesUnsignedAndByContent() {
    KeyRange r = new KeyRange(new byte[] {0x7F}, new byte[] {(byte) 0x81});
    assertTrue(r.contains(new byte[] {(byte) 0x80}));
    assertEquals(r, new KeyRange(new byte[] {0x7F}, new byte[] {(byte) 0x81}));
    assertEquals(
        r.hashCode(), new KeyRange(new byte[] {0x7F}, new byte[] {(byte) 0x81}).hashCode());
    assertEquals("KeyRange[7f, 81)", r.toString());
    assertThrows(
        IllegalArgumentException.class, () -> new KeyRange(new byte[] {2}, new byte[] {1}));
  }

  @Test
  void isImmutable() {
    byte[] start = {1};
    KeyRange r = new KeyRange(start, new byte[] {2});
    start[0] = 5;
    r.startInclusive()[0] = 6;
    assertArrayEquals(new byte[] {1}, r.startInclusive());
  }
}
