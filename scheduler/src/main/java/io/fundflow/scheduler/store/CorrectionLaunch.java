package io.fundflow.scheduler.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/** One launch of the correction command, as recorded in {@code CORRECTION_LAUNCH}. */
public record CorrectionLaunch(
    long id,
    LocalDate tradeDate,
    int attempt,
    Instant startedAt,
    Optional<Instant> endedAt,
    OptionalInt exitCode,
    String status,
    String outputTail) {

  /** True once the command exited 0. */
  public boolean succeeded() {
    return "SUCCEEDED".equals(status);
  }
}
