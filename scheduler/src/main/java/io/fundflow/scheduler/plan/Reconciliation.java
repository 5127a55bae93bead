package io.fundflow.scheduler.plan;

import io.fundflow.scheduler.flink.JobState;
import java.util.Set;

/** The reconcile rule: desired state versus what the cluster reports, to one action. Pure. */
public final class Reconciliation {

  /** States in which a stop-with-savepoint makes sense; the transient others are waited out. */
  private static final Set<JobState> STOPPABLE =
      Set.of(
          JobState.RUNNING,
          JobState.CREATED,
          JobState.INITIALIZING,
          JobState.RESTARTING,
          JobState.RECONCILING);

  private Reconciliation() {}

  /**
   * @param maxRestarts restarts allowed per session before alerting
   */
  public static ReconcileAction decide(DesiredState desired, JobObservation job, int maxRestarts) {
    if (desired == DesiredState.STOPPED) {
      if (job.live().isPresent() && STOPPABLE.contains(job.live().get())) {
        return new ReconcileAction.Stop();
      }
      return new ReconcileAction.Nothing(
          job.live().map(s -> "stopping: " + s).orElse("stopped as desired"));
    }
    if (job.live().isPresent()) {
      // Flink restarts a failing job itself (its restart strategy); only an ended job is ours.
      return new ReconcileAction.Nothing("running: " + job.live().get());
    }
    if (!job.startedThisSession()) {
      return new ReconcileAction.Start();
    }
    if (job.restarts() < maxRestarts) {
      return new ReconcileAction.Restart(job.restarts() + 1);
    }
    if (job.alerted()) {
      return new ReconcileAction.Nothing("gave up after " + job.restarts() + " restarts");
    }
    return new ReconcileAction.Alert(
        "ended during the session and " + job.restarts() + " restarts did not keep it running");
  }
}
