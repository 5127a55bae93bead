package io.fundflow.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  /** A base clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-22T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final Instant OPEN = Instant.parse("2026-11-20T00:45:00Z");

  @Test
  void runsSpeedTimesFasterFromTheSimulatedStart() {
    ManualClock real = new ManualClock();
    SimulatedClock sim = new SimulatedClock(real, OPEN, 60);
    assertEquals(OPEN, sim.instant());
    real.now = real.now.plusSeconds(10);
    assertEquals(OPEN.plus(Duration.ofMinutes(10)), sim.instant());
  }

  @Test
  void realTimeUntilAnInstantIsTheSimulatedGapDividedBySpeed() {
    ManualClock real = new ManualClock();
    SimulatedClock sim = new SimulatedClock(real, OPEN, 120);
    assertEquals(Duration.ofSeconds(30), sim.realTimeUntil(OPEN.plus(Duration.ofHours(1))));
    assertEquals(Duration.ZERO, sim.realTimeUntil(OPEN.minusSeconds(1)), "already passed");
  }

  @Test
  void aHeldClockStandsStillAndRunsOnFromThereWhenReleased() {
    ManualClock real = new ManualClock();
    SimulatedClock sim = new SimulatedClock(real, OPEN, 60);
    Clock shanghai = sim.withZone(ZoneId.of("Asia/Shanghai"));
    real.now = real.now.plusSeconds(1);
    sim.hold();
    assertTrue(sim.held());
    real.now = real.now.plusSeconds(100);
    assertEquals(OPEN.plus(Duration.ofMinutes(1)), sim.instant(), "held: time stands still");
    assertEquals(sim.instant(), shanghai.instant(), "a zone view shares the hold");
    sim.release();
    assertFalse(sim.held());
    real.now = real.now.plusSeconds(2);
    assertEquals(OPEN.plus(Duration.ofMinutes(3)), sim.instant(), "runs on from where it stood");
    assertEquals(sim.instant(), shanghai.instant());
  }

  @Test
  void refusesASpeedBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new SimulatedClock(Clock.systemUTC(), OPEN, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new SimulatedClock(Clock.systemUTC(), OPEN, Double.NaN));
  }
}
