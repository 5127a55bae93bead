package io.fundflow.scheduler.plan;

/** What the reconciler does for one job after comparing desired and actual state. */
public sealed interface ReconcileAction {

  /** Leave the job as it is. */
  record Nothing(String why) implements ReconcileAction {}

  /** Start the job (from its latest restore point): none ran yet this session. */
  record Start() implements ReconcileAction {}

  /** Stop the job with a savepoint. */
  record Stop() implements ReconcileAction {}

  /**
   * Start again a job that ended during its session.
   *
   * @param attempt 1 for the first restart of the session
   */
  record Restart(int attempt) implements ReconcileAction {}

  /** Give up and tell a human. */
  record Alert(String message) implements ReconcileAction {}
}
