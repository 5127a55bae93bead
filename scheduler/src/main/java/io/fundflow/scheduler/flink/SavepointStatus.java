package io.fundflow.scheduler.flink;

/** Where a savepoint (stop-with-savepoint) trigger stands. */
public sealed interface SavepointStatus {

  /** Still being taken. */
  record InProgress() implements SavepointStatus {}

  /** Written; the job (for a stop) has ended. {@code location} is the savepoint's path. */
  record Completed(String location) implements SavepointStatus {}

  /**
   * Not written: Flink reports COMPLETED with a {@code failure-cause} and no location. The job
   * usually keeps running.
   *
   * @param cause the exception class and message Flink reported
   */
  record Failed(String cause) implements SavepointStatus {}
}
