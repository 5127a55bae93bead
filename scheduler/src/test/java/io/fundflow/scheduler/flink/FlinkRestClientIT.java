package io.fundflow.scheduler.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.stack.LocalStack;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.config.Service;
import io.fundflow.stack.junit.LocalStackExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the local stack's real Flink session cluster: upload the realtime job jar, run
 * the fund-flow job, a failing and a succeeding stop-with-savepoint, resume from the savepoint,
 * cancel.
 */
@ExtendWith(LocalStackExtension.class)
class FlinkRestClientIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void runsStopsWithASavepointResumesAndCancelsTheFundFlowJob(
      StackEndpoints endpoints, LocalStack stack, @TempDir Path savepoints) throws Exception {
    FlinkRestClient flink = new FlinkRestClient(endpoints.flinkRestUrl());
    ClusterOverview overview = flink.overview();
    assertTrue(overview.taskManagers() >= 1, overview.toString());
    assertTrue(overview.slotsAvailable() >= 1, "a free slot for the job: " + overview);

    String jarId = flink.uploadJar(StackJobs.jobJar());
    String group = "rest-it-" + ThreadLocalRandom.current().nextLong(1L << 40);
    var args =
        StackJobs.fundFlowArgs(
            endpoints,
            Map.of(
                "realtime.parallelism", "1",
                "realtime.checkpoint.interval", "1s",
                "realtime.kafka.group-id", group,
                "realtime.kafka.starting-offsets", "latest",
                "realtime.restart.attempts", "0"));
    String first = null;
    String second = null;
    try {
      first = flink.runJar(jarId, StackJobs.ENTRY_CLASS, args, 1, Optional.empty(), false);
      String firstId = first;
      assertTrue(
          flink.jobs().stream()
              .anyMatch(
                  j -> j.id().equals(firstId) && j.name().equals(StackJobs.FUND_FLOW_JOB_NAME)),
          "the new job is listed with its name");
      StackJobs.awaitState(flink, first, JobState.RUNNING, TIMEOUT);
      assertEquals(Optional.empty(), flink.restoredFrom(first), "a fresh start restores nothing");

      // Checkpoints land in the stack's checkpoint folder: the cluster's default directory.
      String checkpoint =
          StackJobs.await(
              "a completed checkpoint", TIMEOUT, () -> flink.latestCompletedCheckpoint(firstId));
      Path checkpoints =
          stack.home().data(Service.FLINK).resolve("checkpoints").toAbsolutePath().normalize();
      assertTrue(
          Path.of(URI.create(checkpoint)).startsWith(checkpoints),
          checkpoint + " under " + checkpoints);

      // A savepoint that cannot be written: Flink says COMPLETED with a failure cause; the job runs
      // on.
      String failing =
          flink.stopWithSavepoint(first, "file:///proc/fundflow-no-savepoints-here", false);
      SavepointStatus failed = StackJobs.awaitSavepoint(flink, first, failing, TIMEOUT);
      assertInstanceOf(SavepointStatus.Failed.class, failed, failed.toString());
      StackJobs.awaitState(flink, first, JobState.RUNNING, TIMEOUT);

      String trigger = flink.stopWithSavepoint(first, savepoints.toUri().toString(), false);
      SavepointStatus done = StackJobs.awaitSavepoint(flink, first, trigger, TIMEOUT);
      String location = assertInstanceOf(SavepointStatus.Completed.class, done).location();
      Path savepoint = Path.of(URI.create(location));
      assertTrue(
          savepoint.startsWith(savepoints.toRealPath()) || savepoint.startsWith(savepoints),
          location);
      assertTrue(Files.exists(savepoint.resolve("_metadata")), "savepoint metadata at " + location);
      StackJobs.awaitState(flink, first, JobState.FINISHED, TIMEOUT);
      String stopped = first;
      FlinkRestException finished =
          assertThrows(FlinkRestException.class, () -> flink.cancel(stopped));
      assertEquals(
          409, finished.status(), "a finished job cannot be cancelled: " + finished.getMessage());

      second = flink.runJar(jarId, StackJobs.ENTRY_CLASS, args, 1, Optional.of(location), false);
      StackJobs.awaitState(flink, second, JobState.RUNNING, TIMEOUT);
      RestorePoint restored = flink.restoredFrom(second).orElseThrow();
      assertTrue(restored.savepoint(), restored.toString());
      assertEquals(Path.of(URI.create(location)), Path.of(URI.create(restored.externalPath())));

      flink.cancel(second);
      StackJobs.awaitState(flink, second, JobState.CANCELED, TIMEOUT);
      flink.cancel(second); // Flink accepts cancelling a cancelled job again: nothing to fail on
      second = null;
    } finally {
      cancelQuietly(flink, first);
      cancelQuietly(flink, second);
      flink.deleteJar(jarId);
    }
    assertEquals(Optional.empty(), flink.jobState("00000000000000000000000000000000"));
  }

  @Test
  void aSubmissionWithABadConfigurationIsRefusedNamingTheKey(StackEndpoints endpoints) {
    FlinkRestClient flink = new FlinkRestClient(endpoints.flinkRestUrl());
    String jarId = flink.uploadJar(StackJobs.jobJar());
    try {
      var before = flink.jobs().stream().map(FlinkJob::id).collect(Collectors.toSet());
      var args = StackJobs.fundFlowArgs(endpoints, Map.of("realtime.checkpoint.interval", "soon"));
      FlinkRestException refused =
          assertThrows(
              FlinkRestException.class,
              () -> flink.runJar(jarId, StackJobs.ENTRY_CLASS, args, 1, Optional.empty(), false));
      assertTrue(
          refused.getMessage().contains("realtime.checkpoint.interval"),
          "the answer names the key: " + refused.getMessage());
      assertEquals(
          before,
          flink.jobs().stream().map(FlinkJob::id).collect(Collectors.toSet()),
          "no job was submitted");
    } finally {
      flink.deleteJar(jarId);
    }
  }

  private static void cancelQuietly(FlinkRestClient flink, String jobId) {
    if (jobId == null) {
      return;
    }
    try {
      if (flink.jobState(jobId).filter(s -> !s.terminal()).isPresent()) {
        flink.cancel(jobId);
      }
    } catch (RuntimeException e) {
      System.err.println("could not cancel " + jobId + ": " + e.getMessage());
    }
  }
}
