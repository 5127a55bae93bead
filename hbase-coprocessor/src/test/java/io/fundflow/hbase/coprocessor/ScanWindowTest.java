package io.fundflow.hbase.coprocessor;

import static io.fundflow.hbase.coprocessor.RangeScanAttributeTest.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.hbase.coprocessor.ScanWindow.Bound;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanWindowTest {

  private static final byte[] NONE = new byte[0];
  private static final List<ScanRange> RANGES =
      List.of(
          new ScanRange(key(1, 0), key(1, 9)),
          new ScanRange(key(3, 0), key(3, 9)),
          new ScanRange(key(5, 0), key(5, 9)));

  @Test
  void aWholeTableScanKeepsEveryRange() {
    List<ScanWindow> w = ScanWindow.clip(RANGES, Bound.none(), Bound.none(), NONE, NONE);
    assertEquals(3, w.size());
    assertArrayEquals(key(1, 0), w.get(0).start());
    assertTrue(w.get(0).startInclusive());
    assertArrayEquals(key(5, 9), w.get(2).stop());
    assertFalse(w.get(2).stopInclusive());
  }

  @Test
  void aRegionBoundaryCutsTheRangeItFallsIn() {
    // Region [3 4, 9): the first range is outside, the second cut at the region's start.
    List<ScanWindow> w = ScanWindow.clip(RANGES, Bound.none(), Bound.none(), key(3, 4), key(9));
    assertEquals(2, w.size());
    assertArrayEquals(key(3, 4), w.get(0).start());
    assertTrue(w.get(0).startInclusive());
    assertArrayEquals(key(3, 9), w.get(0).stop());

    // Region [0, 3 4): the second range cut at the region's end, the third outside.
    w = ScanWindow.clip(RANGES, Bound.none(), Bound.none(), NONE, key(3, 4));
    assertEquals(2, w.size());
    assertArrayEquals(key(3, 4), w.get(1).stop());
    assertFalse(w.get(1).stopInclusive());
  }

  @Test
  void aResumedScanStartsAfterItsLastRow() {
    // The client resumes after row 3 2, exclusive.
    List<ScanWindow> w =
        ScanWindow.clip(RANGES, new Bound(key(3, 2), false), Bound.none(), NONE, NONE);
    assertEquals(2, w.size());
    assertArrayEquals(key(3, 2), w.get(0).start());
    assertFalse(w.get(0).startInclusive());
    // Resuming exactly at a range's start, exclusive, leaves the rest of that range.
    w = ScanWindow.clip(RANGES, new Bound(key(3, 0), false), Bound.none(), NONE, NONE);
    assertEquals(2, w.size());
    assertFalse(w.get(0).startInclusive());
  }

  @Test
  void theScansStopRowCutsTooAndEmptyWindowsGo() {
    List<ScanWindow> w =
        ScanWindow.clip(RANGES, Bound.none(), new Bound(key(3, 0), false), NONE, NONE);
    assertEquals(1, w.size(), "the second range starts where the scan stops: nothing of it");
    w = ScanWindow.clip(RANGES, Bound.none(), new Bound(key(3, 0), true), NONE, NONE);
    assertEquals(2, w.size(), "an inclusive stop at a range's start keeps that one row");
    assertArrayEquals(w.get(1).start(), w.get(1).stop());
    assertTrue(w.get(1).startInclusive() && w.get(1).stopInclusive());
  }
}
