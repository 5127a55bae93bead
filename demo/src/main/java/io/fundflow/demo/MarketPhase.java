package io.fundflow.demo;

import java.time.LocalTime;

/** The phase of the exchange day at a time of day (SPEC §5), for the demo's console. */
public enum MarketPhase {
  PRE_OPEN("pre-open"),
  CALL_AUCTION("opening call auction"),
  MORNING("morning session"),
  LUNCH("lunch break"),
  AFTERNOON("afternoon session"),
  CLOSED("closed");

  private final String label;

  MarketPhase(String label) {
    this.label = label;
  }

  /** How the console shows it. */
  public String label() {
    return label;
  }

  /** The phase at {@code t}, Asia/Shanghai. */
  public static MarketPhase at(LocalTime t) {
    if (t.isBefore(LocalTime.of(9, 15))) {
      return PRE_OPEN;
    }
    if (t.isBefore(LocalTime.of(9, 30))) {
      return CALL_AUCTION;
    }
    if (t.isBefore(LocalTime.of(11, 30))) {
      return MORNING;
    }
    if (t.isBefore(LocalTime.of(13, 0))) {
      return LUNCH;
    }
    if (t.isBefore(LocalTime.of(15, 0))) {
      return AFTERNOON;
    }
    return CLOSED;
  }
}
