package io.fundflow.serving.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryPlanTest {

  private static LocalDateTime t(String s) {
    return LocalDateTime.parse(s);
  }

  @Test
  void wholeDaysComeFromSummariesAndTheEndsFromDetails() {
    SummaryPlan p = SummaryPlan.of(t("2025-03-10T10:00"), t("2025-03-14T15:00"));
    assertEquals(List.of(20250313, 20250312, 20250311), p.wholeInitDates());
    assertEquals(
        List.of(
            new SummaryPlan.Interval(t("2025-03-14T00:00"), t("2025-03-14T15:00")),
            new SummaryPlan.Interval(t("2025-03-10T10:00"), t("2025-03-11T00:00"))),
        p.partials());
  }

  @Test
  void aRangeOfWholeDaysReadsNoDetails() {
    SummaryPlan p = SummaryPlan.of(t("2025-03-01T00:00"), t("2025-04-01T00:00"));
    assertEquals(31, p.wholeInitDates().size());
    assertEquals(20250331, p.wholeInitDates().get(0));
    assertTrue(p.partials().isEmpty());
  }

  @Test
  void aRangeInsideOneDayIsAllDetails() {
    SummaryPlan p = SummaryPlan.of(t("2025-03-14T09:00"), t("2025-03-14T11:00"));
    assertFalse(p.hasWholeDays());
    assertEquals(List.of(), p.wholeInitDates());
    assertEquals(
        List.of(new SummaryPlan.Interval(t("2025-03-14T09:00"), t("2025-03-14T11:00"))),
        p.partials());
    assertTrue(p.countsDetail(20250314));
  }

  @Test
  void aDetailBookedToAWholeDayIsNotCountedTwice() {
    // Friday 16:30 is a partial part; an entry of it booked to Monday (a whole day) is already in
    // Monday's summary.
    SummaryPlan p = SummaryPlan.of(t("2025-03-14T16:00"), t("2025-03-18T00:00"));
    assertEquals(List.of(20250317, 20250316, 20250315), p.wholeInitDates());
    assertFalse(p.countsDetail(20250317));
    assertTrue(p.countsDetail(20250314));
    assertTrue(p.countsDetail(20250318));
  }
}
