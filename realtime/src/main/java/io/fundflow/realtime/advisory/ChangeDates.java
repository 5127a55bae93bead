package io.fundflow.realtime.advisory;

import io.fundflow.common.model.AdvisoryContract;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trading dates (yyyymmdd) whose ADS rows a change may alter: the dates the row carries (apply,
 * sign and terminate dates of a contract, the trade date of an order), and the current trading
 * date, because AUM and retained customers are cumulative and a change on any earlier day moves
 * them today.
 *
 * <p>The current trading date is the Asia/Shanghai date of the change's source commit time, not the
 * wall clock, so a replay after a restore recomputes the days the changes belonged to. Days
 * strictly between a back-dated change and today keep their cumulative figures until the nightly
 * correction recomputes them.
 */
final class ChangeDates {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private ChangeDates() {}

  /** The dates the row of {@code change} carries; for a delete, those of its before image. */
  static Set<Integer> carriedBy(AdvisoryChange change) {
    Set<Integer> dates = new TreeSet<>();
    if (change.contract() != null) {
      AdvisoryContract c = change.contract();
      addIfPresent(dates, c.applyTime());
      addIfPresent(dates, c.signTime());
      addIfPresent(dates, c.terminateTime());
    } else {
      dates.add(change.order().tradeDate());
    }
    return dates;
  }

  /**
   * The current trading date of a change: the date it was committed in the source, or the latest
   * date it carries when the source gave no commit time.
   */
  static int current(AdvisoryChange change) {
    if (change.sourceTimeMillis() > 0) {
      return yyyymmdd(
          LocalDate.ofInstant(Instant.ofEpochMilli(change.sourceTimeMillis()), SHANGHAI));
    }
    return carriedBy(change).stream().max(Integer::compare).orElseThrow();
  }

  private static void addIfPresent(Set<Integer> dates, LocalDateTime t) {
    if (t != null) {
      dates.add(yyyymmdd(t.toLocalDate()));
    }
  }

  private static int yyyymmdd(LocalDate d) {
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }
}
