package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.SourcePosition;
import org.junit.jupiter.api.Test;

class CellVersionTest {

  private static final long MAX_STREAM = (1L << 62) - 1;

  @Test
  void streamVersionIsTheSourcePosition() {
    assertEquals(0, CellVersion.stream(0));
    assertEquals(123_456_789L, CellVersion.stream(new SourcePosition(123_456_789L, 17)));
    assertEquals(MAX_STREAM, CellVersion.stream(MAX_STREAM));
    assertFalse(CellVersion.isCorrection(MAX_STREAM));
  }

  @Test
  void streamRejectsPositionsOutsideItsRange() {
    assertThrows(IllegalArgumentException.class, () -> CellVersion.stream(-1));
    assertThrows(IllegalArgumentException.class, () -> CellVersion.stream(1L << 62));
  }

  @Test
  void correctionOutranksEveryStreamWriteAndEarlierCorrections() {
    long run = 1_741_953_600_000L; // 2025-03-14 20:00 +08:00
    long v = CellVersion.correction(run);

    assertTrue(v > MAX_STREAM);
    assertTrue(CellVersion.correction(run + 1) > v);
    assertTrue(CellVersion.correction(0) > MAX_STREAM);
    assertTrue(CellVersion.isCorrection(v));
    assertEquals(run, CellVersion.correctionRunMillis(v));
    assertTrue(v < Long.MAX_VALUE);
  }

  @Test
  void correctionRejectsNegativeOrHugeMillis() {
    assertThrows(IllegalArgumentException.class, () -> CellVersion.correction(-1));
    assertThrows(
        IllegalArgumentException.class, () -> CellVersion.correction(Long.MAX_VALUE - (1L << 62)));
    assertThrows(IllegalArgumentException.class, () -> CellVersion.correctionRunMillis(5));
  }
}
