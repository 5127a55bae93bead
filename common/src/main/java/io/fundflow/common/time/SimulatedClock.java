package io.fundflow.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock that runs {@code speed} times faster than a base clock from a chosen starting instant:
 * the demo's compressed trading day. Every part that reads time through an injected {@link Clock}
 * (the scheduler's decisions, the generator's pacing) runs on it unchanged. It can be held (time
 * stands still) and released (time runs on from where it stood), e.g. until the stream jobs of a
 * slow machine are up before the simulated market opens.
 */
public final class SimulatedClock extends Clock {

  private final Timeline timeline;
  private final ZoneId zone;

  /**
   * @param base the real clock
   * @param simulatedStart the simulated instant at the moment of construction
   * @param speed simulated seconds per real second, at least 1
   */
  public SimulatedClock(Clock base, Instant simulatedStart, double speed) {
    this(new Timeline(base, simulatedStart, speed), base.getZone());
  }

  private SimulatedClock(Timeline timeline, ZoneId zone) {
    this.timeline = timeline;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Simulated seconds per real second. */
  public double speed() {
    return timeline.speed;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same timeline (held and released together) seen in another zone. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new SimulatedClock(timeline, newZone);
  }

  @Override
  public Instant instant() {
    return timeline.now();
  }

  /** Stops simulated time where it stands; no effect when already held. */
  public void hold() {
    timeline.hold();
  }

  /** Lets simulated time run on from where it was held; no effect when not held. */
  public void release() {
    timeline.release();
  }

  /** Whether simulated time stands still. */
  public boolean held() {
    return timeline.held();
  }

  /**
   * The real time until the simulated clock reads {@code simulated} if it runs; zero if it
   * already has.
   */
  public Duration realTimeUntil(Instant simulated) {
    Duration ahead = Duration.between(instant(), simulated);
    return ahead.isNegative()
        ? Duration.ZERO
        : Duration.ofNanos(Math.round(ahead.toNanos() / timeline.speed));
  }

  /** The state every zone view of one simulated clock shares. */
  private static final class Timeline {
    private final Clock base;
    private final double speed;
    // Simulated time = simulatedStart + (base now - baseStart) x speed, unless held.
    private Instant baseStart;
    private Instant simulatedStart;
    private boolean held;

    Timeline(Clock base, Instant simulatedStart, double speed) {
      if (!(speed >= 1.0) || Double.isInfinite(speed)) {
        throw new IllegalArgumentException("speed must be a finite number >= 1: " + speed);
      }
      this.base = Objects.requireNonNull(base, "base");
      this.baseStart = base.instant();
      this.simulatedStart = Objects.requireNonNull(simulatedStart, "simulatedStart");
      this.speed = speed;
    }

    synchronized Instant now() {
      if (held) {
        return simulatedStart;
      }
      long realNanos = Duration.between(baseStart, base.instant()).toNanos();
      // Time measures the schedule, not money: a double is exact enough for a nanosecond scale.
      return simulatedStart.plusNanos(Math.round(realNanos * speed));
    }

    synchronized void hold() {
      if (!held) {
        simulatedStart = now();
        held = true;
      }
    }

    synchronized void release() {
      if (held) {
        baseStart = base.instant();
        held = false;
      }
    }

    synchronized boolean held() {
      return held;
    }
  }
}
