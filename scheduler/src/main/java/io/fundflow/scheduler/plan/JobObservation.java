package io.fundflow.scheduler.plan;

import io.fundflow.scheduler.flink.JobState;
import java.util.Optional;

/**
 * What the scheduler knows of one stream job when it reconciles.
 *
 * @param live the state of the cluster's non-terminal job of that name, if any
 * @param startedThisSession whether the scheduler already started it during the current session
 * @param restarts restarts already made this session
 * @param alerted whether the give-up alert of this session was sent
 */
public record JobObservation(
    Optional<JobState> live, boolean startedThisSession, int restarts, boolean alerted) {

  /** Nothing on the cluster, nothing done this session. */
  public static JobObservation absent() {
    return new JobObservation(Optional.empty(), false, 0, false);
  }

  /** A job in {@code state}. */
  public static JobObservation live(JobState state) {
    return new JobObservation(Optional.of(state), true, 0, false);
  }
}
