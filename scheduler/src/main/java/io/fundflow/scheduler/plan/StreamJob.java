package io.fundflow.scheduler.plan;

import java.util.Locale;

/**
 * A realtime job the scheduler drives.
 *
 * @param argument the first program argument of {@code RealtimeMain} ({@code fund-flow}, {@code
 *     advisory})
 * @param flinkName the job name the cluster lists ({@code fundflow-fund-flow}, ...)
 * @param groupSuffix appended to {@code realtime.kafka.group-id} to name its consumer group
 */
public record StreamJob(String argument, String flinkName, String groupSuffix) {

  /** The job for a {@code RealtimeMain} argument. */
  public static StreamJob of(String argument) {
    String a = argument.trim().toLowerCase(Locale.ROOT);
    if (!a.equals("fund-flow") && !a.equals("advisory")) {
      throw new IllegalArgumentException(
          "unknown stream job '" + argument + "' (expected fund-flow or advisory)");
    }
    return new StreamJob(a, "fundflow-" + a, "-" + a);
  }
}
