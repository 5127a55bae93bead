package io.fundflow.serving.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How a summary over [from, to) is computed without reading every detail row: the calendar days
 * wholly inside the range come from the customer-day summaries (one row per trading day,
 * INIT_DATE), the partial days at either end from the detail rows.
 *
 * <p>The summaries are per trading day (INIT_DATE) while the range is on OCCUR_TIME, and an entry
 * may occur before its trading day (after the close, on a weekend). So that no entry is counted
 * twice, an entry is counted when its INIT_DATE is one of the whole days, or when it occurred in a
 * partial part and its INIT_DATE is not one of the whole days ({@link #countsDetail}). For a range
 * of whole days this is exactly "the entries booked to those trading days", the business's own
 * definition of a day.
 *
 * @param wholeDaysFrom first whole day (inclusive); equal to {@code wholeDaysTo} when there is none
 * @param wholeDaysTo day after the last whole day (exclusive)
 * @param partials the partial parts, [from, to) intervals read from the details, newest first
 */
public record SummaryPlan(LocalDate wholeDaysFrom, LocalDate wholeDaysTo, List<Interval> partials) {

  /** A half-open interval of OCCUR_TIME. */
  public record Interval(LocalDateTime from, LocalDateTime to) {}

  public SummaryPlan {
    partials = List.copyOf(partials);
  }

  /** The plan for [from, to). */
  public static SummaryPlan of(LocalDateTime from, LocalDateTime to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
    LocalDate firstWhole =
        from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
            ? from.toLocalDate()
            : from.toLocalDate().plusDays(1);
    LocalDate endWhole = to.toLocalDate(); // the day of "to" is never whole: it ends before to
    if (!firstWhole.isBefore(endWhole)) {
      return new SummaryPlan(firstWhole, firstWhole, List.of(new Interval(from, to)));
    }
    List<Interval> partials = new ArrayList<>(2);
    if (to.isAfter(endWhole.atStartOfDay())) {
      partials.add(new Interval(endWhole.atStartOfDay(), to));
    }
    if (from.isBefore(firstWhole.atStartOfDay())) {
      partials.add(new Interval(from, firstWhole.atStartOfDay()));
    }
    return new SummaryPlan(firstWhole, endWhole, partials);
  }

  /** True when some days are read from the summaries. */
  public boolean hasWholeDays() {
    return wholeDaysFrom.isBefore(wholeDaysTo);
  }

  /** The whole days as INIT_DATE values yyyymmdd, newest first. */
  public List<Integer> wholeInitDates() {
    List<Integer> dates = new ArrayList<>();
    for (LocalDate d = wholeDaysTo.minusDays(1); !d.isBefore(wholeDaysFrom); d = d.minusDays(1)) {
      dates.add(Integer.parseInt(d.format(DateTimeFormatter.BASIC_ISO_DATE)));
    }
    return dates;
  }

  /**
   * True when a detail row found in a partial part counts: its trading day is not one of the whole
   * days (whose summaries already count it).
   */
  public boolean countsDetail(int initDate) {
    LocalDate day = LocalDate.parse(Integer.toString(initDate), DateTimeFormatter.BASIC_ISO_DATE);
    return day.isBefore(wholeDaysFrom) || !day.isBefore(wholeDaysTo);
  }
}
