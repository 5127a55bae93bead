package io.fundflow.scheduler.service;

import io.fundflow.scheduler.action.Alerter;
import io.fundflow.scheduler.action.ConsumerLag;
import io.fundflow.scheduler.action.CorrectionLauncher;
import io.fundflow.scheduler.action.Pause;
import io.fundflow.scheduler.action.StopResult;
import io.fundflow.scheduler.action.StreamJobActions;
import io.fundflow.scheduler.calendar.TradingCalendar;
import io.fundflow.scheduler.flink.FlinkJob;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.plan.CorrectionDecision;
import io.fundflow.scheduler.plan.DesiredState;
import io.fundflow.scheduler.plan.JobObservation;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.scheduler.plan.ReconcileAction;
import io.fundflow.scheduler.plan.Reconciliation;
import io.fundflow.scheduler.plan.RetentionGuard;
import io.fundflow.scheduler.plan.StreamJob;
import io.fundflow.scheduler.store.CorrectionLaunch;
import io.fundflow.scheduler.store.SchedulerStore;
import io.fundflow.scheduler.store.SessionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's behaviour, independent of Quartz: reconcile the stream jobs with the desired
 * state, the manual actions, the nightly correction and the status. Every decision reads the
 * injected clock.
 */
public final class SchedulerService {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);

  private final SchedulerConfig config;
  private final TradingCalendar calendar;
  private final FlinkRestClient flink;
  private final SchedulerStore store;
  private final StreamJobActions actions;
  private final ConsumerLag kafka;
  private final Optional<CorrectionLauncher> correction;
  private final Alerter alerter;
  private final Clock clock;

  public SchedulerService(
      SchedulerConfig config,
      TradingCalendar calendar,
      FlinkRestClient flink,
      SchedulerStore store,
      StreamJobActions actions,
      ConsumerLag kafka,
      Optional<CorrectionLauncher> correction,
      Alerter alerter,
      Clock clock) {
    this.config = config;
    this.calendar = calendar;
    this.flink = flink;
    this.store = store;
    this.actions = actions;
    this.kafka = kafka;
    this.correction = correction;
    this.alerter = alerter;
    this.clock = clock;
  }

  private MarketWindow window() {
    return config.window();
  }

  /** Compares every job's desired and actual state and acts; returns one line per job. */
  public synchronized List<String> reconcile() {
    Instant now = clock.instant();
    LocalDate day = window().dateOf(now);
    Set<LocalDate> skipped = store.skippedDays();
    DesiredState desiredNow = DesiredState.at(now, calendar, window(), skipped);
    List<FlinkJob> cluster = flink.jobs();
    List<String> lines = new ArrayList<>();
    boolean retentionChecked = false;
    for (StreamJob job : config.jobs()) {
      try {
        Optional<SessionRecord> session = store.session(job.flinkName(), day);
        DesiredState desired =
            session.map(SessionRecord::manualStop).orElse(false) ? DesiredState.STOPPED : desiredNow;
        Optional<FlinkJob> live = live(cluster, job);
        if (live.isPresent()
            && desired == DesiredState.RUNNING
            && session.flatMap(SessionRecord::flinkJobId).isEmpty()) {
          // A job found running that this session has no record of (a scheduler crash between run
          // and record, or a hand start): adopt it rather than start a second one.
          session = Optional.of(save(job, day, live.get().id(), 0, false, false, "STARTED", now));
        }
        JobObservation observed =
            new JobObservation(
                live.map(FlinkJob::state),
                session.flatMap(SessionRecord::flinkJobId).isPresent(),
                session.map(SessionRecord::restarts).orElse(0),
                session.map(SessionRecord::alerted).orElse(false));
        ReconcileAction action = Reconciliation.decide(desired, observed, config.maxRestarts());
        if (action instanceof ReconcileAction.Stop && !retentionChecked) {
          retentionChecked = true;
          checkRetention(now);
        }
        lines.add(job.flinkName() + ": " + apply(job, day, session, live, action, now));
      } catch (RuntimeException e) {
        LOG.error("reconcile of {} failed", job.flinkName(), e);
        lines.add(job.flinkName() + ": error " + e.getMessage());
      }
    }
    LOG.info("reconcile at {} ({}): {}", now, desiredNow, lines);
    return lines;
  }

  private String apply(
      StreamJob job,
      LocalDate day,
      Optional<SessionRecord> session,
      Optional<FlinkJob> live,
      ReconcileAction action,
      Instant now) {
    boolean manualStop = session.map(SessionRecord::manualStop).orElse(false);
    if (action instanceof ReconcileAction.Start) {
      String id = startOrAlert(job, Optional.empty());
      save(job, day, id, 0, false, manualStop, "STARTED", now);
      return "started " + id;
    }
    if (action instanceof ReconcileAction.Restart r) {
      // Resume from the ended run's latest checkpoint: newer than the morning's savepoint.
      Optional<String> checkpoint =
          session.flatMap(SessionRecord::flinkJobId).flatMap(actions::lastCheckpoint);
      checkpoint.ifPresent(p -> store.recordRestorePoint(job.flinkName(), p, "CHECKPOINT", now));
      String id = startOrAlert(job, checkpoint);
      save(job, day, id, r.attempt(), false, manualStop, "STARTED", now);
      return "restarted (attempt " + r.attempt() + ") as " + id;
    }
    if (action instanceof ReconcileAction.Stop) {
      FlinkJob running = live.orElseThrow();
      StopResult result = actions.stop(job, running.id());
      SessionRecord s =
          session.orElse(
              new SessionRecord(job.flinkName(), day, Optional.of(running.id()), 0, false, false, "", now));
      store.saveSession(
          new SessionRecord(
              s.jobName(),
              s.tradeDate(),
              s.flinkJobId(),
              s.restarts(),
              s.alerted(),
              s.manualStop(),
              result.savepoint() ? "STOPPED" : "CANCELLED",
              clock.instant()));
      return result.detail();
    }
    if (action instanceof ReconcileAction.Alert a) {
      alerter.alert(job.flinkName() + " not running", a.message());
      SessionRecord s = session.orElseThrow();
      store.saveSession(
          new SessionRecord(
              s.jobName(), s.tradeDate(), s.flinkJobId(), s.restarts(), true, s.manualStop(), "GAVE_UP", now));
      return "alerted: " + a.message();
    }
    return ((ReconcileAction.Nothing) action).why();
  }

  private String startOrAlert(StreamJob job, Optional<String> from) {
    try {
      return actions.start(job, from);
    } catch (RuntimeException e) {
      alerter.alert(job.flinkName() + " start failed", e.getMessage());
      throw e;
    }
  }

  private SessionRecord save(
      StreamJob job,
      LocalDate day,
      String flinkJobId,
      int restarts,
      boolean alerted,
      boolean manualStop,
      String state,
      Instant now) {
    SessionRecord s =
        new SessionRecord(
            job.flinkName(), day, Optional.of(flinkJobId), restarts, alerted, manualStop, state, now);
    store.saveSession(s);
    return s;
  }

  /** Warns (alert) when the ODS retention does not bridge the gap to the next start. */
  public Optional<String> checkRetention(Instant stopAt) {
    try {
      long ms = kafka.minRetentionMs(config.odsTopics());
      Optional<String> warning =
          RetentionGuard.check(
              stopAt, calendar, window(), Duration.ofMillis(ms), config.retentionMargin());
      warning.ifPresent(w -> alerter.alert("ODS retention too short", w));
      return warning;
    } catch (RuntimeException e) {
      LOG.warn("retention check failed: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<FlinkJob> live(List<FlinkJob> cluster, StreamJob job) {
    return cluster.stream()
        .filter(j -> j.name().equals(job.flinkName()) && !j.state().terminal())
        .findFirst();
  }

  /** Operator start: lifts a manual stop of today and reconciles (starts inside the window). */
  public synchronized List<String> manualStart(StreamJob job) {
    Instant now = clock.instant();
    LocalDate day = window().dateOf(now);
    store
        .session(job.flinkName(), day)
        .ifPresent(
            s ->
                store.saveSession(
                    new SessionRecord(
                        s.jobName(), s.tradeDate(), s.flinkJobId(), s.restarts(), s.alerted(), false,
                        s.state(), now)));
    if (DesiredState.at(now, calendar, window(), store.skippedDays()) == DesiredState.STOPPED) {
      return List.of(job.flinkName() + ": outside the window of a trading day; nothing started");
    }
    return reconcile();
  }

  /** Operator stop: marks today's session stopped by hand and stops the job with a savepoint. */
  public synchronized String manualStop(StreamJob job) {
    Instant now = clock.instant();
    LocalDate day = window().dateOf(now);
    Optional<SessionRecord> s = store.session(job.flinkName(), day);
    store.saveSession(
        new SessionRecord(
            job.flinkName(),
            day,
            s.flatMap(SessionRecord::flinkJobId),
            s.map(SessionRecord::restarts).orElse(0),
            s.map(SessionRecord::alerted).orElse(false),
            true,
            "MANUAL_STOP",
            now));
    Optional<FlinkJob> live = live(flink.jobs(), job);
    if (live.isEmpty()) {
      return job.flinkName() + ": not running";
    }
    return job.flinkName() + ": " + actions.stop(job, live.get().id()).detail();
  }

  /** Operator skip: no stream job runs and no correction launches on {@code day}. */
  public String skip(LocalDate day, String reason) {
    store.skip(day, reason, clock.instant());
    return "skipped " + day;
  }

  /** The nightly trigger: correct the day due, unless done, skipped, or a stream job still runs. */
  public synchronized CorrectionDecision.Verdict correctDue() {
    LocalDate day = CorrectionDecision.dayDue(clock.instant(), calendar, window());
    if (store.skippedDays().contains(day)) {
      LOG.info("correction of {} skipped by an operator", day);
      return CorrectionDecision.Verdict.DONE;
    }
    boolean streamRunning = config.jobs().stream().anyMatch(j -> live(flink.jobs(), j).isPresent());
    Optional<Boolean> last = store.corrections(day).stream().findFirst().map(CorrectionLaunch::succeeded);
    CorrectionDecision.Verdict verdict = CorrectionDecision.decide(streamRunning, last);
    if (verdict == CorrectionDecision.Verdict.RUN) {
      correct(day);
    } else {
      LOG.info("correction of {}: {}", day, verdict);
    }
    return verdict;
  }

  /**
   * After every reconcile: launches the correction of the day due when it is overdue ({@link
   * CorrectionDecision#overdue}). A correction deferred because a stream job still ran, or missed
   * by the nightly trigger, so starts as soon as the stream has stopped; on a simulated clock
   * (the demo) it is what fires the correction. Returns whether one was launched and succeeded.
   */
  public synchronized Optional<Boolean> correctOverdue() {
    if (correction.isEmpty()) {
      return Optional.empty(); // the nightly trigger alerts about the missing command
    }
    LocalDate day = CorrectionDecision.dayDue(clock.instant(), calendar, window());
    boolean ran = config.jobs().stream().anyMatch(j -> store.session(j.flinkName(), day).isPresent());
    boolean launched = !store.corrections(day).isEmpty();
    boolean skipped = store.skippedDays().contains(day);
    if (!CorrectionDecision.overdue(ran, launched, skipped, false)) {
      return Optional.empty();
    }
    if (config.jobs().stream().anyMatch(j -> live(flink.jobs(), j).isPresent())) {
      return Optional.empty();
    }
    LOG.info("correction of {} is overdue: launching it", day);
    return Optional.of(correct(day));
  }

  /**
   * Runs the correction of {@code day}: retry once after the configured delay, alert on failure.
   * Refused while a stream job runs (it would race the stream's writes of the same day).
   */
  public synchronized boolean correct(LocalDate day) {
    if (correction.isEmpty()) {
      alerter.alert("correction not configured", "scheduler.correction.command is not set; " + day + " not corrected");
      return false;
    }
    if (config.jobs().stream().anyMatch(j -> live(flink.jobs(), j).isPresent())) {
      throw new IllegalStateException("a stream job is still running: correction of " + day + " refused");
    }
    int previous = store.corrections(day).size();
    for (int attempt = 1; attempt <= 2; attempt++) {
      long id = store.startCorrection(day, previous + attempt, clock.instant());
      CorrectionLauncher.Outcome outcome = correction.get().run(day);
      store.endCorrection(id, outcome.exitCode(), outcome.succeeded(), outcome.outputTail(), clock.instant());
      if (outcome.succeeded()) {
        LOG.info("correction of {} succeeded (attempt {})", day, attempt);
        return true;
      }
      LOG.warn("correction of {} attempt {} exited {}", day, attempt, outcome.exitCode());
      if (attempt == 1) {
        Pause.sleep(config.correctionRetryDelay());
      } else {
        alerter.alert(
            "correction failed",
            "correction of " + day + " failed twice (exit " + outcome.exitCode() + "): "
                + lastLine(outcome.outputTail()));
      }
    }
    return false;
  }

  /** The status; {@code nextFireTimes} comes from the Quartz side. */
  public SchedulerStatus status(Map<String, String> nextFireTimes) {
    Instant now = clock.instant();
    LocalDate day = window().dateOf(now);
    Set<LocalDate> skipped = store.skippedDays();
    DesiredState desiredNow = DesiredState.at(now, calendar, window(), skipped);
    List<FlinkJob> cluster;
    try {
      cluster = flink.jobs();
    } catch (RuntimeException e) {
      cluster = null;
    }
    List<JobStatus> jobs = new ArrayList<>();
    for (StreamJob job : config.jobs()) {
      Optional<SessionRecord> s = store.session(job.flinkName(), day);
      DesiredState desired =
          s.map(SessionRecord::manualStop).orElse(false) ? DesiredState.STOPPED : desiredNow;
      Optional<FlinkJob> live = cluster == null ? Optional.empty() : live(cluster, job);
      jobs.add(
          new JobStatus(
              job.flinkName(),
              desired.name(),
              cluster == null ? "UNKNOWN (Flink unreachable)" : live.map(j -> j.state().name()).orElse("NONE"),
              live.map(FlinkJob::id).or(() -> s.flatMap(SessionRecord::flinkJobId)).orElse(null),
              s.map(r -> r.state() + " since " + r.since()).orElse(null),
              store.latestRestorePoint(job.flinkName()).map(r -> r.kind() + " " + r.path() + " at " + r.createdAt()).orElse(null)));
    }
    String lastCorrection =
        store.latestCorrection()
            .map(c -> c.tradeDate() + " attempt " + c.attempt() + " " + c.status()
                + c.exitCode().stream().mapToObj(x -> " exit " + x).findFirst().orElse("")
                + " started " + c.startedAt())
            .orElse(null);
    boolean trading = calendar.isTradingDay(day) && !skipped.contains(day);
    return new SchedulerStatus(now.toString(), trading, jobs, nextFireTimes, lastCorrection);
  }

  /** The trading calendar in use. */
  public TradingCalendar calendar() {
    return calendar;
  }

  private static String lastLine(String text) {
    String t = text.strip();
    int nl = t.lastIndexOf('\n');
    return nl < 0 ? t : t.substring(nl + 1);
  }
}
