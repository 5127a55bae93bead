package io.fundflow.scheduler.flink;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the client waits for Flink.
 *
 * @param connect to open a connection
 * @param request for any answer but an upload's
 * @param upload for a jar upload (a job jar is ~100 MB)
 */
public record FlinkRestTimeouts(Duration connect, Duration request, Duration upload) {

  public FlinkRestTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(upload, "upload");
    for (Duration d : new Duration[] {connect, request, upload}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive: " + d);
      }
    }
  }

  /** 5 s to connect, 30 s per request, 5 min per upload. */
  public static FlinkRestTimeouts defaults() {
    return new FlinkRestTimeouts(
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5));
  }
}
