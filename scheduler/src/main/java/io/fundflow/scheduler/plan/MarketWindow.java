package io.fundflow.scheduler.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When the stream jobs run and when the correction starts, on every trading day.
 *
 * @param start the stream jobs' start (default 08:45)
 * @param stop the stream jobs' stop (default 16:15), after {@code start}
 * @param correction the nightly correction (default 20:00), at or after {@code stop}
 * @param zone the exchange's zone (Asia/Shanghai)
 */
public record MarketWindow(LocalTime start, LocalTime stop, LocalTime correction, ZoneId zone) {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  public MarketWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(correction, "correction");
    Objects.requireNonNull(zone, "zone");
    if (!stop.isAfter(start)) {
      throw new IllegalArgumentException("stop " + stop + " must be after start " + start);
    }
    if (correction.isBefore(stop)) {
      throw new IllegalArgumentException(
          "correction " + correction + " must be at or after stop " + stop);
    }
  }

  /** 08:45, 16:15, 20:00 in Asia/Shanghai. */
  public static MarketWindow defaults() {
    return new MarketWindow(LocalTime.of(8, 45), LocalTime.of(16, 15), LocalTime.of(20, 0), SHANGHAI);
  }

  /** The local date of {@code instant} in the window's zone. */
  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The local time of {@code instant} in the window's zone. */
  public LocalTime timeOf(Instant instant) {
    return instant.atZone(zone).toLocalTime();
  }

  /** The instant the stream jobs start on {@code day}. */
  public Instant startOn(LocalDate day) {
    return ZonedDateTime.of(day, start, zone).toInstant();
  }

  /** The instant the stream jobs stop on {@code day}. */
  public Instant stopOn(LocalDate day) {
    return ZonedDateTime.of(day, stop, zone).toInstant();
  }

  /** The instant the correction of {@code day} is due. */
  public Instant correctionOn(LocalDate day) {
    return ZonedDateTime.of(day, correction, zone).toInstant();
  }

  /** True when {@code instant} is inside [start, stop) of its own day (trading or not). */
  public boolean inSession(Instant instant) {
    LocalTime t = timeOf(instant);
    return !t.isBefore(start) && t.isBefore(stop);
  }
}
