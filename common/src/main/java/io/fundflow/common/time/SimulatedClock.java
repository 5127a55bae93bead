package io.fundflow.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that runs {@code speed} times faster than a base clock from a chosen starting instant:
 * the demo's compressed trading day. Every part that reads time through an injected {@link Clock}
 * (the scheduler's decisions, the generator's pacing) runs on it unchanged.
 */
public final class SimulatedClock extends Clock {

  private final Clock base;
  private final Instant baseStart;
  private final Instant simulatedStart;
  private final double speed;
  private final ZoneId zone;

  /**
   * @param base the real clock
   * @param simulatedStart the simulated instant at the moment of construction
   * @param speed simulated seconds per real second, at least 1
   */
  public SimulatedClock(Clock base, Instant simulatedStart, double speed) {
    this(base, base.instant(), simulatedStart, speed, base.getZone());
  }

  private SimulatedClock(
      Clock base, Instant baseStart, Instant simulatedStart, double speed, ZoneId zone) {
    if (!(speed >= 1.0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number >= 1: " + speed);
    }
    this.base = Objects.requireNonNull(base, "base");
    this.baseStart = baseStart;
    this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
    this.speed = speed;
    this.zone = zone;
  }

  /** Simulated seconds per real second. */
  public double speed() {
    return speed;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new SimulatedClock(base, baseStart, simulatedStart, speed, newZone);
  }

  @Override
  public Instant instant() {
    long realNanos = Duration.between(baseStart, base.instant()).toNanos();
    // Time measures the schedule, not money: a double is exact enough for a nanosecond scale.
    return simulatedStart.plusNanos(Math.round(realNanos * speed));
  }

  /** The real time until the simulated clock reads {@code simulated}; zero if it already has. */
  public Duration realTimeUntil(Instant simulated) {
    Duration ahead = Duration.between(instant(), simulated);
    return ahead.isNegative() ? Duration.ZERO : Duration.ofNanos(Math.round(ahead.toNanos() / speed));
  }
}
