package io.fundflow.scheduler.calendar;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The exchange's trading days: weekdays minus the closures of the years the calendar covers.
 *
 * <p>A date outside the covered years is refused rather than guessed: trading on an unknown holiday
 * would be wrong in a way nobody notices, so an operator must ship next year's file first.
 */
public final class TradingCalendar implements Serializable {

  // Serializable because Quartz stores its calendars (which wrap this one) in the job store.
  private static final long serialVersionUID = 1L;

  private final SortedSet<Integer> years;
  private final Set<LocalDate> closures;

  /**
   * @param years the years whose closures are all listed
   * @param closures closed weekdays (weekends may be listed too; they are closed anyway)
   */
  public TradingCalendar(Set<Integer> years, Set<LocalDate> closures) {
    this.years = new TreeSet<>(Objects.requireNonNull(years, "years"));
    this.closures = Set.copyOf(closures);
    for (LocalDate d : this.closures) {
      if (!this.years.contains(d.getYear())) {
        throw new IllegalArgumentException("closure " + d + " is outside the covered years " + years);
      }
    }
  }

  /** The years this calendar knows. */
  public SortedSet<Integer> years() {
    return new TreeSet<>(years);
  }

  /** Whether {@code date} is covered by this calendar. */
  public boolean covers(LocalDate date) {
    return years.contains(date.getYear());
  }

  /**
   * True when the exchange trades on {@code date}.
   *
   * @throws IllegalArgumentException when the date's year is not covered
   */
  public boolean isTradingDay(LocalDate date) {
    if (!covers(date)) {
      throw new IllegalArgumentException(
          "the trading calendar has no data for " + date.getYear() + " (covers " + years + ")");
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !closures.contains(date);
  }

  /** The first trading day strictly after {@code date}. */
  public LocalDate nextTradingDay(LocalDate date) {
    LocalDate d = date.plusDays(1);
    while (!isTradingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The last trading day strictly before {@code date}. */
  public LocalDate previousTradingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!isTradingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }
}
