package io.fundflow.scheduler.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.quartz.impl.calendar.BaseCalendar;

/**
 * The trading calendar as a Quartz {@link org.quartz.Calendar}: a fire time is allowed only on a
 * trading day (in the calendar's zone). Days outside the covered years are excluded, so a missing
 * yearly file stops the triggers instead of firing on a holiday.
 */
public final class QuartzTradingCalendar extends BaseCalendar {

  private static final long serialVersionUID = 1L;
  private static final long DAY_MS = 24L * 3600 * 1000;

  private final TradingCalendar calendar;
  private final ZoneId zone;

  public QuartzTradingCalendar(TradingCalendar calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
    setDescription("trading days " + calendar.years());
  }

  @Override
  public boolean isTimeIncluded(long timeStamp) {
    if (!super.isTimeIncluded(timeStamp)) {
      return false;
    }
    LocalDate day = Instant.ofEpochMilli(timeStamp).atZone(zone).toLocalDate();
    return calendar.covers(day) && calendar.isTradingDay(day);
  }

  @Override
  public long getNextIncludedTime(long timeStamp) {
    // Quartz asks for the next allowed instant after an excluded one: the start of the next trading
    // day. Give up after the covered years, returning the input (Quartz then stops the trigger).
    long t = timeStamp;
    for (int i = 0; i < 400; i++) {
      if (isTimeIncluded(t)) {
        return t;
      }
      LocalDate day = Instant.ofEpochMilli(t).atZone(zone).toLocalDate().plusDays(1);
      t = day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
    return timeStamp + 400 * DAY_MS;
  }
}
