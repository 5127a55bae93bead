package io.fundflow.scheduler.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.scheduler.plan.MarketWindow;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

  private final TradingCalendar cal = TradingCalendarFiles.bundled(2026);

  @Test
  void weekdaysTradeWeekendsAndClosuresDoNot() {
    assertTrue(cal.isTradingDay(LocalDate.of(2026, 3, 10)), "a plain Tuesday");
    assertFalse(cal.isTradingDay(LocalDate.of(2026, 3, 14)), "Saturday");
    assertFalse(cal.isTradingDay(LocalDate.of(2026, 3, 15)), "Sunday");
    assertFalse(cal.isTradingDay(LocalDate.of(2026, 1, 1)), "New Year");
    assertFalse(cal.isTradingDay(LocalDate.of(2026, 2, 20)), "inside the Spring Festival range");
    assertFalse(cal.isTradingDay(LocalDate.of(2026, 10, 8)), "last day of National Day");
    assertTrue(cal.isTradingDay(LocalDate.of(2026, 10, 9)), "Friday after National Day");
  }

  @Test
  void nextAndPreviousTradingDaySkipClosuresAndWeekends() {
    assertEquals(LocalDate.of(2026, 10, 9), cal.nextTradingDay(LocalDate.of(2026, 9, 30)));
    assertEquals(LocalDate.of(2026, 2, 24), cal.nextTradingDay(LocalDate.of(2026, 2, 13)));
    assertEquals(LocalDate.of(2026, 2, 13), cal.previousTradingDay(LocalDate.of(2026, 2, 24)));
    assertEquals(LocalDate.of(2026, 3, 16), cal.nextTradingDay(LocalDate.of(2026, 3, 13)));
  }

  @Test
  void aYearWithoutDataIsRefusedNotGuessed() {
    assertThrows(IllegalArgumentException.class, () -> cal.isTradingDay(LocalDate.of(2027, 1, 4)));
  }

  @Test
  void parseReportsEveryBadLineAndRangesOutsideTheYear() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TradingCalendarFiles.parse(
                    2026,
                    List.of("2026-01-01 ok", "2026-13-01", "2025-12-31", "2026-05-05..2026-05-01")));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());
  }

  @Test
  void parseExpandsRangesAndSkipsComments() {
    Set<LocalDate> days =
        TradingCalendarFiles.parse(
            2026, List.of("# header", "", "2026-05-01..2026-05-03  Labour # note", "2026-06-19"));
    assertEquals(
        Set.of(
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 5, 2),
            LocalDate.of(2026, 5, 3),
            LocalDate.of(2026, 6, 19)),
        days);
  }

  @Test
  void quartzCalendarExcludesClosedDaysInShanghaiTime() {
    QuartzTradingCalendar q = new QuartzTradingCalendar(cal, MarketWindow.SHANGHAI);
    long holiday = ZonedDateTime.of(2026, 10, 1, 8, 45, 0, 0, MarketWindow.SHANGHAI).toInstant().toEpochMilli();
    long trading = ZonedDateTime.of(2026, 10, 9, 8, 45, 0, 0, MarketWindow.SHANGHAI).toInstant().toEpochMilli();
    // 2026-10-09 00:30 in Shanghai is still 2026-10-08 in UTC: the zone must decide, not UTC.
    long earlyShanghai =
        ZonedDateTime.of(2026, 10, 9, 0, 30, 0, 0, MarketWindow.SHANGHAI).toInstant().toEpochMilli();
    assertFalse(q.isTimeIncluded(holiday));
    assertTrue(q.isTimeIncluded(trading));
    assertTrue(q.isTimeIncluded(earlyShanghai));
    long next = q.getNextIncludedTime(holiday);
    assertEquals(
        ZonedDateTime.of(2026, 10, 9, 0, 0, 0, 0, MarketWindow.SHANGHAI).toInstant().toEpochMilli(),
        next);
  }
}
