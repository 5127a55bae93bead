package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayBucketManifestTest {

  @Test
  void rowKeyIsBigEndianYyyymmddAndQualifierIsItsText() {
    assertArrayEquals(
        new byte[] {0x01, 0x34, (byte) 0xfe, (byte) 0xca}, DayBucketManifest.rowKey(20250314));
    assertEquals("20250313", DayBucketManifest.qualifier(LocalDate.of(2025, 3, 13)));
  }

  @Test
  void roundTrips() {
    LocalDate day = LocalDate.of(2024, 2, 29);
    assertEquals(day, DayBucketManifest.occurDay(DayBucketManifest.qualifier(day)));
    assertEquals(20250314, DayBucketManifest.initDate(DayBucketManifest.rowKey(20250314)));
  }

  @Test
  void rejectsMalformedInput() {
    assertThrows(IllegalArgumentException.class, () -> DayBucketManifest.rowKey(20251301));
    assertThrows(IllegalArgumentException.class, () -> DayBucketManifest.occurDay("2025031"));
    assertThrows(IllegalArgumentException.class, () -> DayBucketManifest.occurDay("20250230"));
  }

  @Test
  void daysToScanAreTheDayItselfTheManifestAndTheAuthoritativeDaysNewestFirst() {
    LocalDate friday = LocalDate.of(2025, 3, 14);
    LocalDate thursday = LocalDate.of(2025, 3, 13);
    LocalDate saturday = LocalDate.of(2025, 3, 15);
    LocalDate monday = LocalDate.of(2025, 3, 17);

    assertEquals(
        List.of(monday, saturday, friday),
        List.copyOf(
            DayBucketManifest.daysToScan(
                20250317, List.of(saturday, monday), List.of(friday, saturday))));
    assertEquals(
        List.of(friday, thursday),
        List.copyOf(DayBucketManifest.daysToScan(20250314, List.of(thursday), List.of())));
  }
}
