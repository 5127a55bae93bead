package io.fundflow.scheduler.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.scheduler.calendar.TradingCalendar;
import io.fundflow.scheduler.calendar.TradingCalendarFiles;
import io.fundflow.scheduler.flink.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Desired state, reconcile decisions, retention guard and correction day, with a fixed clock. */
class SchedulePlanTest {

  private final TradingCalendar cal = TradingCalendarFiles.bundled(2026);
  private final MarketWindow window = MarketWindow.defaults();

  private static Clock at(int month, int day, int hour, int minute) {
    Instant i =
        ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, MarketWindow.SHANGHAI).toInstant();
    return Clock.fixed(i, MarketWindow.SHANGHAI);
  }

  private DesiredState desired(Clock clock) {
    return DesiredState.at(clock.instant(), cal, window, Set.of());
  }

  @Test
  void runningOnlyInsideTheWindowOfATradingDay() {
    assertEquals(DesiredState.STOPPED, desired(at(3, 10, 8, 44)));
    assertEquals(DesiredState.RUNNING, desired(at(3, 10, 8, 45)));
    assertEquals(DesiredState.RUNNING, desired(at(3, 10, 16, 14)));
    assertEquals(DesiredState.STOPPED, desired(at(3, 10, 16, 15)), "stop is exclusive");
    assertEquals(DesiredState.STOPPED, desired(at(3, 14, 10, 0)), "Saturday");
    assertEquals(DesiredState.STOPPED, desired(at(10, 1, 10, 0)), "National Day");
  }

  @Test
  void aSkippedDayIsStopped() {
    Clock c = at(3, 10, 10, 0);
    assertEquals(
        DesiredState.STOPPED,
        DesiredState.at(c.instant(), cal, window, Set.of(LocalDate.of(2026, 3, 10))));
  }

  @Test
  void configuredTimesMoveTheWindow() {
    MarketWindow w =
        new MarketWindow(
            java.time.LocalTime.of(9, 0),
            java.time.LocalTime.of(15, 30),
            java.time.LocalTime.of(21, 0),
            MarketWindow.SHANGHAI);
    assertEquals(
        DesiredState.STOPPED, DesiredState.at(at(3, 10, 8, 50).instant(), cal, w, Set.of()));
    assertEquals(
        DesiredState.STOPPED, DesiredState.at(at(3, 10, 15, 45).instant(), cal, w, Set.of()));
  }

  @Test
  void schedulerDownAtTheStartAndBackAtTenStartsTheJobs() {
    // The 08:45 trigger misfired; at 10:00 the reconcile sees no job and a RUNNING desire.
    ReconcileAction action =
        Reconciliation.decide(desired(at(3, 10, 10, 0)), JobObservation.absent(), 3);
    assertInstanceOf(ReconcileAction.Start.class, action);
  }

  @Test
  void onAHolidayNothingStarts() {
    ReconcileAction action =
        Reconciliation.decide(desired(at(10, 1, 10, 0)), JobObservation.absent(), 3);
    assertInstanceOf(ReconcileAction.Nothing.class, action);
  }

  @Test
  void aRunningJobIsLeftAloneAfterASchedulerRestart() {
    JobObservation found = new JobObservation(Optional.of(JobState.RUNNING), false, 0, false);
    assertInstanceOf(
        ReconcileAction.Nothing.class, Reconciliation.decide(DesiredState.RUNNING, found, 3));
    JobObservation restarting = new JobObservation(Optional.of(JobState.RESTARTING), true, 0, false);
    assertInstanceOf(
        ReconcileAction.Nothing.class, Reconciliation.decide(DesiredState.RUNNING, restarting, 3));
  }

  @Test
  void aJobThatEndedInTheSessionIsRestartedBoundedThenAlerted() {
    JobObservation ended = new JobObservation(Optional.empty(), true, 0, false);
    assertEquals(
        new ReconcileAction.Restart(1), Reconciliation.decide(DesiredState.RUNNING, ended, 2));
    JobObservation once = new JobObservation(Optional.empty(), true, 1, false);
    assertEquals(
        new ReconcileAction.Restart(2), Reconciliation.decide(DesiredState.RUNNING, once, 2));
    JobObservation twice = new JobObservation(Optional.empty(), true, 2, false);
    assertInstanceOf(
        ReconcileAction.Alert.class, Reconciliation.decide(DesiredState.RUNNING, twice, 2));
    JobObservation alerted = new JobObservation(Optional.empty(), true, 2, true);
    assertInstanceOf(
        ReconcileAction.Nothing.class, Reconciliation.decide(DesiredState.RUNNING, alerted, 2));
  }

  @Test
  void outsideTheWindowALiveJobIsStoppedAndATransientOneWaitedOut() {
    assertInstanceOf(
        ReconcileAction.Stop.class,
        Reconciliation.decide(DesiredState.STOPPED, JobObservation.live(JobState.RUNNING), 3));
    assertInstanceOf(
        ReconcileAction.Stop.class,
        Reconciliation.decide(DesiredState.STOPPED, JobObservation.live(JobState.RESTARTING), 3));
    assertInstanceOf(
        ReconcileAction.Nothing.class,
        Reconciliation.decide(DesiredState.STOPPED, JobObservation.live(JobState.CANCELLING), 3));
    assertInstanceOf(
        ReconcileAction.Nothing.class,
        Reconciliation.decide(DesiredState.STOPPED, JobObservation.absent(), 3));
  }

  @Test
  void retentionGuardWarnsOnlyWhenTheGapIsLongerThanRetention() {
    Instant fridayStop = window.stopOn(LocalDate.of(2026, 3, 13));
    Duration week = Duration.ofDays(7);
    assertEquals(
        Optional.empty(),
        RetentionGuard.check(fridayStop, cal, window, week, Duration.ofDays(1)),
        "a weekend fits in a week");
    // Before National Day: stop 2026-09-30 16:15, next start 2026-10-09 08:45 (~8.7 days).
    Instant holidayStop = window.stopOn(LocalDate.of(2026, 9, 30));
    Optional<String> warning = RetentionGuard.check(holidayStop, cal, window, week, Duration.ofDays(1));
    assertTrue(warning.isPresent());
    assertTrue(warning.get().contains("2026-10-09"), warning.get());
    assertEquals(
        Optional.empty(),
        RetentionGuard.check(holidayStop, cal, window, Duration.ofDays(14), Duration.ofDays(1)));
  }

  @Test
  void correctionDayIsTheLatestTradingDayWhoseCorrectionTimePassed() {
    assertEquals(
        LocalDate.of(2026, 3, 10),
        CorrectionDecision.dayDue(at(3, 10, 20, 0).instant(), cal, window));
    assertEquals(
        LocalDate.of(2026, 3, 9),
        CorrectionDecision.dayDue(at(3, 10, 19, 59).instant(), cal, window),
        "before 20:00 the previous trading day is the last one due");
    assertEquals(
        LocalDate.of(2026, 9, 30),
        CorrectionDecision.dayDue(at(10, 2, 3, 0).instant(), cal, window),
        "a misfired correction on a holiday still corrects the last trading day");
  }

  @Test
  void correctionWaitsForTheStreamAndRunsOnce() {
    assertEquals(CorrectionDecision.Verdict.RUN, CorrectionDecision.decide(false, Optional.empty()));
    assertEquals(CorrectionDecision.Verdict.DEFER, CorrectionDecision.decide(true, Optional.empty()));
    assertEquals(CorrectionDecision.Verdict.RUN, CorrectionDecision.decide(false, Optional.of(false)));
    assertEquals(CorrectionDecision.Verdict.DONE, CorrectionDecision.decide(false, Optional.of(true)));
  }

  @Test
  void anOverdueCorrectionRunsOnlyForADayTheStreamRanAndNobodyLaunched() {
    assertTrue(CorrectionDecision.overdue(true, false, false, false));
    assertFalse(CorrectionDecision.overdue(false, false, false, false), "no stream that day");
    assertFalse(CorrectionDecision.overdue(true, true, false, false), "already launched");
    assertFalse(CorrectionDecision.overdue(true, false, true, false), "skipped by an operator");
    assertFalse(CorrectionDecision.overdue(true, false, false, true), "a stream job still runs");
  }
}
