package io.fundflow.scheduler.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the scheduler did for one stream job during one trading session.
 *
 * @param state STARTED, STOPPED, CANCELLED, FAILED_START or MANUAL_STOP
 */
public record SessionRecord(
    String jobName,
    LocalDate tradeDate,
    Optional<String> flinkJobId,
    int restarts,
    boolean alerted,
    boolean manualStop,
    String state,
    Instant since) {}
