package io.fundflow.scheduler.flink;

/**
 * One job the cluster knows, running or ended (until Flink's job history forgets it).
 *
 * @param id Flink's JobID (32 hex digits)
 * @param name the job name given at submission
 * @param state its current state
 * @param tasksRunning how many of its tasks run now
 * @param tasksTotal how many tasks it has
 */
public record FlinkJob(String id, String name, JobState state, int tasksRunning, int tasksTotal) {

  /**
   * RUNNING with every task running: only then can it take a checkpoint or a savepoint (a job
   * still deploying answers a savepoint with "task is not being executed").
   */
  public boolean fullyRunning() {
    return state == JobState.RUNNING && tasksTotal > 0 && tasksRunning == tasksTotal;
  }
}
