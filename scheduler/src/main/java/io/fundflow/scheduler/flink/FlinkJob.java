package io.fundflow.scheduler.flink;

/**
 * One job the cluster knows, running or ended (until Flink's job history forgets it).
 *
 * @param id Flink's JobID (32 hex digits)
 * @param name the job name given at submission
 * @param state its current state
 */
public record FlinkJob(String id, String name, JobState state) {}
