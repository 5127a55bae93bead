package io.fundflow.scheduler.plan;

import io.fundflow.scheduler.calendar.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** What a stream job should be doing at an instant. */
public enum DesiredState {
  RUNNING,
  STOPPED;

  /**
   * RUNNING inside [start, stop) of a trading day that operators did not skip, STOPPED otherwise.
   *
   * @param skipped trading days operators took out (e.g. an unannounced closure)
   */
  public static DesiredState at(
      Instant now, TradingCalendar calendar, MarketWindow window, Set<LocalDate> skipped) {
    LocalDate day = window.dateOf(now);
    boolean trading = calendar.isTradingDay(day) && !skipped.contains(day);
    return trading && window.inSession(now) ? RUNNING : STOPPED;
  }
}
