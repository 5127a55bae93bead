package io.fundflow.scheduler.flink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.stack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the integration tests need to run the realtime fund-flow job on the stack's Flink. */
final class StackJobs {

  static final String ENTRY_CLASS = "io.fundflow.realtime.RealtimeMain";
  static final String FUND_FLOW_JOB_NAME = "fundflow-fund-flow";

  private StackJobs() {}

  /** The shaded realtime job jar the reactor built (failsafe passes its path). */
  static Path jobJar() {
    String property = System.getProperty("fundflow.realtime.job-jar");
    assertTrue(
        property != null,
        "system property fundflow.realtime.job-jar is not set (run through failsafe)");
    Path jar = Path.of(property).toAbsolutePath().normalize();
    assertTrue(Files.isRegularFile(jar), "no job jar at " + jar + ": package realtime first (-am)");
    return jar;
  }

  /** Program arguments of the fund-flow job against the stack, plus {@code extra} -D keys. */
  static List<String> fundFlowArgs(StackEndpoints stack, Map<String, String> extra) {
    List<String> args = new ArrayList<>();
    args.add("fund-flow");
    args.add("-Dkafka.bootstrap.servers=" + stack.kafkaBootstrap());
    args.add("-Dhbase.bootstrap.servers=" + stack.hbase().get("hbase.client.bootstrap.servers"));
    extra.forEach((k, v) -> args.add("-D" + k + "=" + v));
    return args;
  }

  /** Polls {@code probe} every 250 ms until it gives a value, or fails after {@code timeout}. */
  static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (RuntimeException e) {
        // A restarting cluster may refuse a request or two: keep polling, report the last.
        last = e;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    throw new AssertionError(
        "timed out after "
            + timeout.toSeconds()
            + " s waiting for "
            + what
            + (last == null ? "" : " (last error: " + last.getMessage() + ")"),
        last);
  }

  /** Waits until the job is in {@code state}. */
  static void awaitState(FlinkRestClient flink, String jobId, JobState state, Duration timeout) {
    await(
        "job " + jobId + " " + state, timeout, () -> flink.jobState(jobId).filter(s -> s == state));
  }

  /** Polls a savepoint trigger until it is no longer in progress. */
  static SavepointStatus awaitSavepoint(
      FlinkRestClient flink, String jobId, String triggerId, Duration timeout) {
    return await(
        "savepoint " + triggerId,
        timeout,
        () -> {
          SavepointStatus status = flink.savepointStatus(jobId, triggerId);
          return status instanceof SavepointStatus.InProgress
              ? Optional.empty()
              : Optional.of(status);
        });
  }
}
