package io.fundflow.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.config.Settings;
import io.fundflow.scheduler.flink.FlinkJob;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.flink.JobState;
import io.fundflow.scheduler.flink.RestorePoint;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.scheduler.store.CorrectionLaunch;
import io.fundflow.scheduler.store.SchedulerStore;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled trading day against the real stack with a controllable clock: nothing before the open,
 * start at the open, a crashed-and-restarted scheduler finds the job and starts nothing twice, stop
 * with a savepoint at the close (recorded), the correction at its time, the next day (scheduler down
 * at the open, back at 10:00) resumes from the savepoint, a holiday starts nothing, and a stop whose
 * savepoint cannot be written falls back to cancel + retained checkpoint + a webhook alert.
 */
@ExtendWith(LocalStackExtension.class)
class SchedulerDayIT {

  private static final String JOB = "fundflow-fund-flow";
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static ZonedDateTime shanghai(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, MarketWindow.SHANGHAI);
  }

  private static Map<String, String> settings(
      StackEndpoints stack, String group, String savepointDir, String webhook) {
    Map<String, String> m = new HashMap<>();
    m.put("flink.rest.url", stack.flinkRestUrl());
    m.put("kafka.bootstrap.servers", stack.kafkaBootstrap());
    m.put("hbase.bootstrap.servers", stack.hbase().get("hbase.client.bootstrap.servers"));
    m.put("db.url", stack.jdbcUrl());
    m.put("db.user", stack.jdbcUser());
    m.put("db.password", stack.jdbcPassword());
    m.put("scheduler.jobs", "fund-flow");
    m.put("scheduler.job-jar", System.getProperty("fundflow.realtime.job-jar"));
    m.put("realtime.parallelism", "1");
    m.put("realtime.checkpoint.interval", "1s");
    m.put("realtime.kafka.group-id", group);
    m.put("realtime.kafka.starting-offsets", "latest");
    m.put("realtime.restart.attempts", "0");
    m.put("scheduler.savepoint.dir", savepointDir);
    m.put("scheduler.stop.lag-timeout", "10s");
    m.put("scheduler.stop.savepoint-timeout", "60s");
    m.put("scheduler.stop.attempts", "2");
    m.put("scheduler.alert.webhook", webhook);
    m.put("scheduler.correction.command", "/bin/echo corrected {date}");
    m.put("scheduler.correction.retry-delay", "1s");
    return m;
  }

  private static SchedulerConfig config(Map<String, String> m) {
    return SchedulerConfig.from(Settings.of(m, "(test)", Map.of(), Map.of()));
  }

  @Test
  void aTradingDayThenTheNextThenAHolidayThenAFailedStop(
      StackEndpoints stack, @TempDir Path savepoints) throws Exception {
    FlinkRestClient flink = new FlinkRestClient(stack.flinkRestUrl());
    cancelLiveFundFlowJobs(flink);
    clearSchedulerRows(stack);
    String group = "sched-it-" + ThreadLocalRandom.current().nextLong(1L << 40);
    MutableClock clock = new MutableClock(shanghai(11, 23, 8, 44).toInstant());
    try (WebhookCapture hook = new WebhookCapture()) {
      Map<String, String> m = settings(stack, group, savepoints.toUri().toString(), hook.url());
      SchedulerConfig cfg = config(m);
      try (SchedulerRuntime rt = new SchedulerRuntime(cfg, clock)) {
        SchedulerService service = rt.service();
        SchedulerStore store = rt.store();

        // 08:44 Monday 2026-11-23: before the window, nothing.
        service.reconcile();
        assertTrue(live(flink).isEmpty(), "nothing runs before the open");

        // 08:45: the start trigger fires.
        clock.set(shanghai(11, 23, 8, 45));
        long t0 = System.nanoTime();
        List<String> lines = service.reconcile();
        assertTrue(lines.get(0).contains("started"), lines.toString());
        String first = awaitRunning(flink);
        long toRunning = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, live(flink).size());

        // The scheduler crashes mid-session and comes back: it adopts the job, starts nothing.
        clock.set(shanghai(11, 23, 11, 0));
        try (SchedulerRuntime again = new SchedulerRuntime(cfg, clock)) {
          List<String> after = again.service().reconcile();
          assertTrue(after.get(0).startsWith(JOB + ": running"), after.toString());
        }
        assertEquals(List.of(first), live(flink).stream().map(FlinkJob::id).toList());

        // Let a checkpoint complete so the group has committed offsets.
        await("a checkpoint", () -> flink.latestCompletedCheckpoint(first).isPresent());

        // 16:15: the stop trigger fires; stop with savepoint, recorded.
        clock.set(shanghai(11, 23, 16, 15));
        long t1 = System.nanoTime();
        lines = service.reconcile();
        long toSavepoint = (System.nanoTime() - t1) / 1_000_000;
        assertTrue(lines.get(0).startsWith(JOB + ": savepoint "), lines.toString());
        SchedulerStore.RestorePointRow saved = store.latestRestorePoint(JOB).orElseThrow();
        assertEquals("SAVEPOINT", saved.kind());
        assertTrue(Files.exists(Path.of(URI.create(saved.path())).resolve("_metadata")), saved.path());
        assertTrue(live(flink).isEmpty(), "stopped after the close");
        assertEquals("STOPPED", store.session(JOB, LocalDate.of(2026, 11, 23)).orElseThrow().state());

        // 20:00: the correction of the day runs (here a command that succeeds).
        clock.set(shanghai(11, 23, 20, 0));
        service.correctDue();
        CorrectionLaunch launch = store.corrections(LocalDate.of(2026, 11, 23)).get(0);
        assertTrue(launch.succeeded(), launch.toString());
        assertTrue(launch.outputTail().contains("corrected 20261123"), launch.outputTail());

        // Next day, the scheduler was down at 08:45 and is back at 10:00: it starts the job, which
        // restores from yesterday's savepoint.
        clock.set(shanghai(11, 24, 10, 0));
        lines = service.reconcile();
        assertTrue(lines.get(0).contains("started"), lines.toString());
        String second = awaitRunning(flink);
        RestorePoint restored = flink.restoredFrom(second).orElseThrow();
        assertTrue(restored.savepoint(), restored.toString());
        assertEquals(Path.of(URI.create(saved.path())), Path.of(URI.create(restored.externalPath())));
        await("a checkpoint of the second run", () -> flink.latestCompletedCheckpoint(second).isPresent());

        // The job ends mid-session behind the scheduler's back (cancelled here, as a failure beyond
        // Flink's own restarts would leave it): the next reconcile restarts it from that run's latest
        // retained checkpoint, attempt 1 of its bounded budget.
        flink.cancel(second);
        await("the second run gone", () -> live(flink).isEmpty());
        clock.set(shanghai(11, 24, 11, 0));
        lines = service.reconcile();
        assertTrue(lines.get(0).contains("restarted (attempt 1)"), lines.toString());
        String third = awaitRunning(flink);
        RestorePoint resumed = flink.restoredFrom(third).orElseThrow();
        // Flink flags any restore given as savepointPath as a savepoint restore; the path tells
        // that it was the second run's retained checkpoint.
        assertTrue(resumed.externalPath().contains(second + "/chk-"), resumed.toString());
        assertEquals(1, store.session(JOB, LocalDate.of(2026, 11, 24)).orElseThrow().restarts());
        await("a checkpoint of the third run", () -> flink.latestCompletedCheckpoint(third).isPresent());

        // A stop whose savepoint cannot be written: retry, cancel, retained checkpoint, alert.
        Map<String, String> bad = new HashMap<>(m);
        bad.put("scheduler.savepoint.dir", "file:///proc/fundflow-no-savepoints-here");
        try (SchedulerRuntime failing = new SchedulerRuntime(config(bad), clock)) {
          clock.set(shanghai(11, 24, 16, 15));
          lines = failing.service().reconcile();
        }
        assertTrue(lines.get(0).contains("stop-with-savepoint failed"), lines.toString());
        SchedulerStore.RestorePointRow fallback = store.latestRestorePoint(JOB).orElseThrow();
        assertEquals("CHECKPOINT", fallback.kind());
        assertTrue(fallback.path().contains("chk-"), fallback.path());
        await("the job cancelled", () -> live(flink).isEmpty());
        assertTrue(
            hook.bodies().stream().anyMatch(b -> b.contains("stop failed") && b.contains(third)),
            "webhook alert: " + hook.bodies());
        assertEquals("CANCELLED", store.session(JOB, LocalDate.of(2026, 11, 24)).orElseThrow().state());

        // The nightly trigger never fired for the 24th (say the scheduler was down at 20:00): the
        // next reconcile tick after the correction time launches it, once.
        clock.set(shanghai(11, 24, 19, 59));
        assertEquals(Optional.empty(), service.correctOverdue(), "not before the correction time");
        clock.set(shanghai(11, 24, 20, 5));
        assertEquals(Optional.of(true), service.correctOverdue());
        assertEquals(1, store.corrections(LocalDate.of(2026, 11, 24)).size());
        assertEquals(Optional.empty(), service.correctOverdue(), "launched once, not again");

        // A holiday (National Day): nothing starts.
        clock.set(shanghai(10, 1, 10, 0));
        lines = service.reconcile();
        assertTrue(live(flink).isEmpty(), "nothing on a holiday: " + lines);

        record(toRunning, toSavepoint);
      }
    } finally {
      cancelLiveFundFlowJobs(flink);
    }
  }

  private static void record(long toRunning, long toSavepoint) throws IOException {
    String line =
        "scheduled instant -> RUNNING " + toRunning + " ms; -> savepoint COMPLETED (incl. lag wait) "
            + toSavepoint + " ms\n";
    System.out.print(line);
    Files.writeString(
        Path.of("target", "scheduler-timings.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static List<FlinkJob> live(FlinkRestClient flink) {
    return flink.jobs().stream().filter(j -> j.name().equals(JOB) && !j.state().terminal()).toList();
  }

  private static String awaitRunning(FlinkRestClient flink) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<FlinkJob> running =
          live(flink).stream().filter(j -> j.state() == JobState.RUNNING).findFirst();
      if (running.isPresent()) {
        return running.get().id();
      }
      sleep(100);
    }
    throw new AssertionError("no RUNNING " + JOB + " within " + TIMEOUT);
  }

  private static void await(String what, java.util.function.BooleanSupplier probe) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (probe.getAsBoolean()) {
        return;
      }
      sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private static void cancelLiveFundFlowJobs(FlinkRestClient flink) {
    for (FlinkJob j : live(flink)) {
      try {
        flink.cancel(j.id());
      } catch (RuntimeException ignored) {
        // already ending
      }
    }
    await("no live fund-flow job", () -> live(flink).isEmpty());
  }

  private static void clearSchedulerRows(StackEndpoints stack) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM JOB_SAVEPOINT WHERE JOB_NAME = '" + JOB + "'");
      s.executeUpdate("DELETE FROM SCHEDULER_SESSION WHERE JOB_NAME = '" + JOB + "'");
      s.executeUpdate("DELETE FROM CORRECTION_LAUNCH WHERE TRADE_DATE IN (20261123, 20261124)");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
