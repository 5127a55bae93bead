package io.fundflow.scheduler.plan;

import io.fundflow.scheduler.calendar.TradingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether the ODS topics keep the change log long enough to bridge the gap from a stop to the next
 * start: a change written just after the stop must still be there when the jobs resume. Pure.
 */
public final class RetentionGuard {

  private RetentionGuard() {}

  /**
   * A warning when {@code retention} does not cover the gap from {@code stopAt} until the next
   * trading day's start plus {@code margin}; empty when it does.
   */
  public static Optional<String> check(
      Instant stopAt,
      TradingCalendar calendar,
      MarketWindow window,
      Duration retention,
      Duration margin) {
    LocalDate next = calendar.nextTradingDay(window.dateOf(stopAt));
    Duration gap = Duration.between(stopAt, window.startOn(next));
    Duration needed = gap.plus(margin);
    if (retention.compareTo(needed) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "ODS retention "
            + retention
            + " does not cover the "
            + gap
            + " until the next start on "
            + next
            + " plus a margin of "
            + margin
            + ": changes written after the stop may be deleted before the jobs resume;"
            + " raise retention.ms of the ODS topics");
  }
}
