package io.fundflow.scheduler.flink;

import java.util.Locale;

/** A Flink job's status as the REST API reports it ({@code JobStatus} in Flink 2.2). */
public enum JobState {
  INITIALIZING,
  CREATED,
  RUNNING,
  FAILING,
  FAILED,
  CANCELLING,
  CANCELED,
  FINISHED,
  RESTARTING,
  SUSPENDED,
  RECONCILING;

  /** True for the states a job never leaves: it must be started anew. */
  public boolean terminal() {
    return this == FAILED || this == CANCELED || this == FINISHED;
  }

  /** Parses Flink's name of a state. */
  public static JobState parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new FlinkResponseException("unknown Flink job state '" + text + "'");
    }
  }
}
