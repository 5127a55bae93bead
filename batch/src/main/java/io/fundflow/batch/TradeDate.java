package io.fundflow.batch;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Trading dates as the platform writes them: yyyymmdd integers. */
public final class TradeDate {

  private TradeDate() {}

  /**
   * Parses a yyyymmdd date that exists in the calendar.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static int parse(String text) {
    try {
      LocalDate d = LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
      return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("date must be yyyymmdd, got '" + text + "'", e);
    }
  }

  /** The calendar day of a yyyymmdd date. */
  public static LocalDate toLocalDate(int yyyymmdd) {
    return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  }

  /** The yyyymmdd of a calendar day. */
  public static int of(LocalDate day) {
    return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
  }
}
