package io.fundflow.scheduler.action;

import java.time.Duration;

/** A wait between polls of Flink or retries, for the scheduler's blocking steps. */
public final class Pause {

  private Pause() {}

  /**
   * Sleeps for {@code d}; an interrupt keeps the thread's flag and ends the step with an
   * exception, so a scheduler shutting down is not held by a poll loop.
   */
  public static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
