package io.fundflow.demo;

import io.fundflow.common.time.SimulatedClock;
import io.fundflow.scheduler.flink.FlinkJob;
import io.fundflow.scheduler.flink.FlinkRestClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Holds the simulated clock at the opening call auction until every stream job runs with all its
 * tasks. Compressed x300, the half hour between the jobs' start (08:45) and the auction is a few
 * real seconds, less than a busy machine needs to deploy them; without the hold the day could close
 * before the stream saw it, which no real session allows.
 */
final class OpeningHold {

  private final SimulatedClock clock;
  private final Instant holdAt;
  private final FlinkRestClient flink;
  private final List<String> jobNames;
  private final PrintStream out;
  private boolean passed;
  private Instant heldSince;

  OpeningHold(
      SimulatedClock clock,
      Instant holdAt,
      FlinkRestClient flink,
      List<String> jobNames,
      PrintStream out) {
    this.clock = clock;
    this.holdAt = holdAt;
    this.flink = flink;
    this.jobNames = List.copyOf(jobNames);
    this.out = out;
  }

  /** Called on every turn of the demo's loop: holds or releases the clock as the jobs require. */
  void tick() {
    if (passed || clock.instant().isBefore(holdAt)) {
      return;
    }
    boolean running = streamsRunning();
    if (!clock.held()) {
      if (running) {
        passed = true;
        return;
      }
      clock.hold();
      heldSince = Instant.now();
      out.println(
          Progress.clockText(clock) + "  clock held until the stream jobs run (they are starting)");
    } else if (running) {
      clock.release();
      passed = true;
      out.printf(
          "%s  stream jobs running; clock released after %d s%n",
          Progress.clockText(clock), Duration.between(heldSince, Instant.now()).toSeconds());
    }
  }

  /** Why the day is stuck, when it is this hold's doing. */
  String stuckReason() {
    return clock.held() ? " (the clock is held: the stream jobs never ran with all their tasks)" : "";
  }

  private boolean streamsRunning() {
    try {
      List<FlinkJob> live = flink.jobs();
      return jobNames.stream()
          .allMatch(n -> live.stream().anyMatch(j -> j.name().equals(n) && j.fullyRunning()));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
