package io.fundflow.generator;

import io.fundflow.common.time.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a {@link ChangeLogPublisher} sends each message: as fast as possible, or when a clock
 * reaches the message's send time. With a {@link SimulatedClock} the wait is the real time until
 * the simulated clock gets there, so a compressed day sends its bursts compressed too.
 */
public final class Pacing {

  /** The longest single sleep: a clock that jumps (or a test) is looked at again this often. */
  private static final Duration MAX_SLEEP = Duration.ofMillis(500);

  private final Clock clock;

  private Pacing(Clock clock) {
    this.clock = clock;
  }

  /** No waiting: every message is sent at once. */
  public static Pacing asFastAsPossible() {
    return new Pacing(null);
  }

  /** Each message waits until {@code clock} reads its send time; late ones go at once. */
  public static Pacing onClock(Clock clock) {
    return new Pacing(Objects.requireNonNull(clock, "clock"));
  }

  /** True when no message waits. */
  public boolean isAsFastAsPossible() {
    return clock == null;
  }

  /** How long to sleep (at most a short step) before {@code sendAt} is due; zero when it is. */
  Duration untilDue(Instant sendAt) {
    if (clock == null) {
      return Duration.ZERO;
    }
    Duration wait =
        clock instanceof SimulatedClock simulated
            ? simulated.realTimeUntil(sendAt)
            : Duration.between(clock.instant(), sendAt);
    if (wait.isNegative() || wait.isZero()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : wait;
  }
}
