package io.fundflow.scheduler.flink;

/**
 * The checkpoint or savepoint a job's current run restored its state from.
 *
 * @param checkpointId the checkpoint's id
 * @param savepoint true for a savepoint, false for a (retained or in-run) checkpoint
 * @param externalPath where it is stored
 */
public record RestorePoint(long checkpointId, boolean savepoint, String externalPath) {}
