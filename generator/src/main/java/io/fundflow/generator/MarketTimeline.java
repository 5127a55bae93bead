package io.fundflow.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * When things happen on a trading day (SPEC §5): bank–securities transfers about 09:00–16:00,
 * trades in the continuous sessions 09:30–11:30 and 13:00–15:00. Activity bursts at the open, rises
 * again before the close, and is quiet over lunch (transfers only).
 */
final class MarketTimeline {

  /** The day's pre-open snapshot of the dimension tables is read at this time. */
  static final LocalTime SNAPSHOT = LocalTime.of(8, 30);

  /** A span of the day with its activity per minute, and whether trades settle in it. */
  private record Span(LocalTime from, LocalTime to, double perMinute, boolean trading) {
    long millis() {
      return (to.toSecondOfDay() - from.toSecondOfDay()) * 1000L;
    }
  }

  private static final List<Span> SPANS =
      List.of(
          new Span(LocalTime.of(9, 0), LocalTime.of(9, 15), 0.5, false),
          new Span(LocalTime.of(9, 15), LocalTime.of(9, 30), 1.0, false),
          new Span(LocalTime.of(9, 30), LocalTime.of(10, 0), 6.0, true),
          new Span(LocalTime.of(10, 0), LocalTime.of(10, 30), 3.0, true),
          new Span(LocalTime.of(10, 30), LocalTime.of(11, 30), 2.0, true),
          new Span(LocalTime.of(11, 30), LocalTime.of(13, 0), 0.2, false),
          new Span(LocalTime.of(13, 0), LocalTime.of(13, 30), 3.0, true),
          new Span(LocalTime.of(13, 30), LocalTime.of(14, 30), 2.0, true),
          new Span(LocalTime.of(14, 30), LocalTime.of(15, 0), 3.5, true),
          new Span(LocalTime.of(15, 0), LocalTime.of(16, 0), 0.4, false));

  private final LocalDate day;

  MarketTimeline(LocalDate day) {
    this.day = day;
  }

  LocalDate day() {
    return day;
  }

  /** A time in the continuous-trading sessions, denser at the open and before the close. */
  LocalDateTime tradeTime(Random random) {
    return sample(random, true);
  }

  /** A time in the transfer window 09:00–16:00 (including lunch, rarely). */
  LocalDateTime transferTime(Random random) {
    return sample(random, false);
  }

  /** A uniformly drawn time between two times of the day, at millisecond precision. */
  LocalDateTime between(Random random, LocalTime from, LocalTime to) {
    long span = (to.toSecondOfDay() - from.toSecondOfDay()) * 1000L;
    return day.atTime(from).plusNanos(Math.floorMod(random.nextLong(), span) * 1_000_000L);
  }

  /** The pre-open snapshot time. */
  LocalDateTime snapshot() {
    return day.atTime(SNAPSHOT);
  }

  private LocalDateTime sample(Random random, boolean tradingOnly) {
    double total = 0;
    for (Span s : SPANS) {
      if (!tradingOnly || s.trading()) {
        total += s.perMinute() * s.millis();
      }
    }
    double pick = random.nextDouble() * total;
    Span chosen = null;
    for (Span s : SPANS) {
      if (tradingOnly && !s.trading()) {
        continue;
      }
      chosen = s;
      pick -= s.perMinute() * s.millis();
      if (pick < 0) {
        break;
      }
    }
    long offset = Math.floorMod(random.nextLong(), chosen.millis());
    return day.atTime(chosen.from()).plusNanos(offset * 1_000_000L);
  }
}
