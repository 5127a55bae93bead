package io.fundflow.common.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The date-time scanner reads the three separators and 0-9 fraction digits, and no impossible date.
 */
class LocalTimestampTextTest {

  @Test
  void readsEachSeparatorAndFraction() {
    LocalDateTime t = LocalDateTime.of(2026, 11, 19, 10, 12, 44, 500_000_000);
    assertEquals(t, LocalTimestampText.parse("2026-11-19 10:12:44.500000"));
    assertEquals(t, LocalTimestampText.parse("2026-11-19T10:12:44.5"));
    assertEquals(t, LocalTimestampText.parse("2026-11-19:10:12:44.500000000"));
    assertEquals(
        LocalDateTime.of(2026, 11, 19, 10, 12, 44, 1),
        LocalTimestampText.parse("2026-11-19 10:12:44.000000001"));
    assertEquals(
        LocalDateTime.of(2026, 11, 19, 0, 0), LocalTimestampText.parse("2026-11-19 00:00:00"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29 00:00:00",
        "2026-04-31 00:00:00",
        "2026-00-10 00:00:00",
        "2026-11-19 23:59:60"
      })
  void impossibleDatesHaveTheShapeButNoValue(String s) {
    assertTrue(LocalTimestampText.hasShape(s));
    assertNull(LocalTimestampText.parse(s));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-11-19",
        "2026-11-19 10:12",
        "2026-11-19 10:12:44.",
        "2026-11-19 10:12:44,5",
        "2026/11/19 10:12:44",
        "2026-11-19X10:12:44",
        "2026-11-19 10:12:44Z",
        "２026-11-19 10:12:44"
      })
  void otherTextHasNoShape(String s) {
    assertFalse(LocalTimestampText.hasShape(s));
    assertNull(LocalTimestampText.parse(s));
  }
}
