package io.fundflow.scheduler.service;

/**
 * One stream job as the status reports it (nullable fields are absent values, for plain JSON).
 *
 * @param job the Flink job name
 * @param desired RUNNING or STOPPED
 * @param actual the live Flink job's state, or NONE
 * @param flinkJobId the live (or this session's) Flink JobID
 * @param since when the session record last changed
 * @param lastRestorePoint the latest recorded savepoint or checkpoint
 */
public record JobStatus(
    String job,
    String desired,
    String actual,
    String flinkJobId,
    String since,
    String lastRestorePoint) {}
