package io.fundflow.scheduler.action;

/**
 * How a stop ended.
 *
 * @param savepoint true when a savepoint was written, false when the job was cancelled instead
 * @param restorePoint the path recorded as the job's restore point, or empty when none exists
 * @param detail what happened, for the log and the status
 */
public record StopResult(boolean savepoint, String restorePoint, String detail) {}
