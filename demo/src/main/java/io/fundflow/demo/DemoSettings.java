package io.fundflow.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What one demo run does.
 *
 * @param day the simulated trading day
 * @param speed simulated seconds per real second
 * @param customers customers the generator creates
 * @param seed the generator's seed: the same seed replays the same day
 * @param servingPort the traders' API and page port, 0 for any free port
 * @param work where the run keeps its savepoints, reports, users file and logs
 * @param progressEvery how often the console prints a progress line
 * @param timeout how long (real time) the day may take before the run gives up
 */
public record DemoSettings(
    LocalDate day,
    double speed,
    int customers,
    long seed,
    int servingPort,
    Path work,
    Duration progressEvery,
    Duration timeout) {

  /** The demo trader's name. */
  public static final String TRADER = "trader";

  /** The demo trader's password, printed at the end of the run for the page. */
  public static final String TRADER_PASSWORD = "fundflow-demo";
}
