package io.fundflow.scheduler.plan;

import io.fundflow.scheduler.calendar.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Which day the nightly correction is for, and whether to launch it now. Pure. */
public final class CorrectionDecision {

  /** The verdict. */
  public enum Verdict {
    /** Launch the batch for the day. */
    RUN,
    /** A stream job of that day still runs: try again later. */
    DEFER,
    /** The day's correction already succeeded. */
    DONE
  }

  private CorrectionDecision() {}

  /**
   * The latest trading day whose correction time is at or before {@code now}; a late (misfired)
   * trigger thus still corrects the day it was meant for.
   */
  public static LocalDate dayDue(Instant now, TradingCalendar calendar, MarketWindow window) {
    LocalDate today = window.dateOf(now);
    if (calendar.isTradingDay(today) && !now.isBefore(window.correctionOn(today))) {
      return today;
    }
    return calendar.previousTradingDay(today);
  }

  /**
   * @param streamRunning whether any stream job is still running
   * @param lastSucceeded whether a correction of the day already succeeded, if one ran
   */
  public static Verdict decide(boolean streamRunning, Optional<Boolean> lastSucceeded) {
    if (lastSucceeded.orElse(false)) {
      return Verdict.DONE;
    }
    return streamRunning ? Verdict.DEFER : Verdict.RUN;
  }

  /**
   * Whether a correction nobody launched is overdue and should start now: the stream ran that day
   * (so there is something to correct), no launch of it exists (a failed one already alerted and is
   * left to the operator), the day is not skipped, and no stream job runs any more.
   */
  public static boolean overdue(
      boolean streamRanThatDay, boolean launched, boolean skipped, boolean streamRunning) {
    return streamRanThatDay && !launched && !skipped && !streamRunning;
  }
}
