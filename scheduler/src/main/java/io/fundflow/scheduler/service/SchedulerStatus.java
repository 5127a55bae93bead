package io.fundflow.scheduler.service;

import java.util.List;
import java.util.Map;

/**
 * What {@code status} reports.
 *
 * @param now the scheduler clock's instant
 * @param tradingDay whether today is a trading day (and not skipped)
 * @param jobs each stream job
 * @param nextFireTimes trigger name to its next fire instant
 * @param lastCorrection the latest correction launch, as text, or null
 */
public record SchedulerStatus(
    String now,
    boolean tradingDay,
    List<JobStatus> jobs,
    Map<String, String> nextFireTimes,
    String lastCorrection) {}
