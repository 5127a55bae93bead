package io.fundflow.scheduler.action;

import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.flink.FlinkRestException;
import io.fundflow.scheduler.flink.SavepointStatus;
import io.fundflow.scheduler.plan.StreamJob;
import io.fundflow.scheduler.service.SchedulerConfig;
import io.fundflow.scheduler.store.SchedulerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the realtime jobs on the Flink cluster and records their restore points.
 *
 * <p>Start: the jar is uploaded once per scheduler run; the job resumes from the latest recorded
 * savepoint or fallback checkpoint. Stop: wait (bounded) for zero consumer lag, stop with a
 * savepoint and poll; on failure or timeout retry, then cancel, record the last retained checkpoint
 * and alert.
 */
public final class StreamJobActions {

  private static final Logger LOG = LoggerFactory.getLogger(StreamJobActions.class);
  private static final Duration POLL = Duration.ofMillis(500);
  /** How long a cancelled job may take to reach a terminal state before its checkpoint is read. */
  private static final Duration END_TIMEOUT = Duration.ofSeconds(60);

  private final SchedulerConfig config;
  private final FlinkRestClient flink;
  private final SchedulerStore store;
  private final ConsumerLag lag;
  private final Alerter alerter;
  private final Clock clock;
  private final EndedRunCheckpoint endedRuns;
  private String jarId;

  public StreamJobActions(
      SchedulerConfig config,
      FlinkRestClient flink,
      SchedulerStore store,
      ConsumerLag lag,
      Alerter alerter,
      Clock clock) {
    this.config = config;
    this.flink = flink;
    this.store = store;
    this.lag = lag;
    this.alerter = alerter;
    this.clock = clock;
    this.endedRuns = new EndedRunCheckpoint(flink, config.checkpointStatsTtl(), END_TIMEOUT);
  }

  private synchronized String jarId() {
    if (jarId == null) {
      jarId = flink.uploadJar(config.jobJar());
      LOG.info("uploaded {} as {}", config.jobJar(), jarId);
    }
    return jarId;
  }

  /**
   * Runs {@code job} from {@code restoreFrom} (else its latest recorded restore point) and returns
   * the new Flink JobID.
   */
  public String start(StreamJob job, Optional<String> restoreFrom) {
    Optional<String> savepoint =
        restoreFrom.or(
            () -> store.latestRestorePoint(job.flinkName()).map(SchedulerStore.RestorePointRow::path));
    String id;
    try {
      id = run(job, savepoint);
    } catch (FlinkRestException e) {
      if (e.notFound() && jarId != null) {
        // The cluster forgot the jar (a JobManager restart clears uploads): upload again once.
        synchronized (this) {
          jarId = null;
        }
        id = run(job, savepoint);
      } else {
        throw e;
      }
    }
    LOG.info("started {} as {} from {}", job.flinkName(), id, savepoint.orElse("nothing (fresh)"));
    return id;
  }

  private String run(StreamJob job, Optional<String> savepoint) {
    return flink.runJar(
        jarId(),
        "io.fundflow.realtime.RealtimeMain",
        config.programArgs(job),
        config.parallelism(),
        savepoint,
        false);
  }

  /** Stops {@code flinkJobId} (the running {@code job}) with a savepoint, or the fallback. */
  public StopResult stop(StreamJob job, String flinkJobId) {
    awaitZeroLag(job);
    String lastProblem = "";
    for (int attempt = 1; attempt <= config.stopAttempts(); attempt++) {
      Optional<SavepointStatus> status = stopOnce(flinkJobId);
      if (status.isPresent() && status.get() instanceof SavepointStatus.Completed done) {
        store.recordRestorePoint(job.flinkName(), done.location(), "SAVEPOINT", clock.instant());
        LOG.info("stopped {} ({}) with savepoint {}", job.flinkName(), flinkJobId, done.location());
        return new StopResult(true, done.location(), "savepoint " + done.location());
      }
      lastProblem =
          status
              .map(s -> s instanceof SavepointStatus.Failed f ? f.cause() : s.toString())
              .orElse("no answer within " + config.savepointTimeout());
      LOG.warn("stop-with-savepoint of {} attempt {} failed: {}", flinkJobId, attempt, lastProblem);
      if (status.isEmpty()) {
        break; // timed out: a savepoint may still be running, a second trigger would be refused
      }
    }
    return fallback(job, flinkJobId, lastProblem);
  }

  /** Triggers one stop-with-savepoint and polls it; empty on timeout or a refused trigger. */
  private Optional<SavepointStatus> stopOnce(String flinkJobId) {
    String trigger;
    try {
      trigger = flink.stopWithSavepoint(flinkJobId, config.savepointDir(), false);
    } catch (FlinkRestException e) {
      return Optional.of(new SavepointStatus.Failed("trigger refused: " + e.getMessage()));
    }
    long deadline = System.nanoTime() + config.savepointTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      try {
        SavepointStatus s = flink.savepointStatus(flinkJobId, trigger);
        if (!(s instanceof SavepointStatus.InProgress)) {
          return Optional.of(s);
        }
      } catch (FlinkRestException e) {
        LOG.warn("polling savepoint {}: {}", trigger, e.getMessage());
      }
      Pause.sleep(POLL);
    }
    return Optional.empty();
  }

  private StopResult fallback(StreamJob job, String flinkJobId, String problem) {
    try {
      flink.cancel(flinkJobId);
    } catch (FlinkRestException e) {
      LOG.warn("cancel of {} failed: {}", flinkJobId, e.getMessage());
    }
    Optional<String> checkpoint = lastCheckpoint(flinkJobId);
    checkpoint.ifPresent(
        path -> store.recordRestorePoint(job.flinkName(), path, "CHECKPOINT", clock.instant()));
    String message =
        job.flinkName()
            + " ("
            + flinkJobId
            + "): stop-with-savepoint failed ("
            + problem
            + "); cancelled; restore point "
            + checkpoint.map(p -> "= retained checkpoint " + p).orElse("unchanged (no checkpoint)");
    alerter.alert("stop failed", message);
    return new StopResult(false, checkpoint.orElse(""), message);
  }

  /**
   * The latest completed checkpoint of {@code flinkJobId}, a run that has ended or is being
   * cancelled (see {@link EndedRunCheckpoint}).
   */
  public Optional<String> lastCheckpoint(String flinkJobId) {
    return endedRuns.read(flinkJobId);
  }

  /** Waits until the job's group has no lag, at most {@code lag-timeout}; then stops anyway. */
  private void awaitZeroLag(StreamJob job) {
    String group = config.groupId(job);
    long deadline = System.nanoTime() + config.lagTimeout().toNanos();
    OptionalLong last = OptionalLong.empty();
    while (true) {
      try {
        last = lag.lag(group);
        if (last.isEmpty() || last.getAsLong() == 0) {
          LOG.info("lag of {} before stop: {}", group, last.isEmpty() ? "none committed" : 0);
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot read lag of {}: {}", group, e.getMessage());
      }
      if (System.nanoTime() >= deadline) {
        LOG.warn("lag of {} still {} after {}: stopping anyway (the savepoint keeps the offsets)",
            group, last, config.lagTimeout());
        return;
      }
      Pause.sleep(Duration.ofSeconds(1));
    }
  }
}
