package io.fundflow.realtime.jdbc;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where and how the JDBC sink writes: the connection and the batching.
 *
 * @param url the JDBC URL (Oracle, or H2 with {@code MODE=Oracle})
 * @param user the user, may be null when the URL needs none
 * @param password the password, may be null
 * @param batchSize rows per batch before a flush
 * @param batchIntervalMillis the longest a row waits before a flush; 0 flushes only by size and at
 *     checkpoints
 * @param maxRetries how often a failed batch is retried (on a fresh connection) before the job
 *     fails and restarts from its checkpoint
 */
public record JdbcSinkSettings(
    String url,
    String user,
    String password,
    int batchSize,
    long batchIntervalMillis,
    int maxRetries)
    implements Serializable {

  public JdbcSinkSettings {
    Objects.requireNonNull(url, "url");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
    if (batchIntervalMillis < 0 || maxRetries < 0) {
      throw new IllegalArgumentException("batchIntervalMillis and maxRetries must be >= 0");
    }
  }

  @Override
  public String toString() {
    // Never print the password.
    return "JdbcSinkSettings[url="
        + url
        + ", user="
        + user
        + ", batchSize="
        + batchSize
        + ", batchIntervalMillis="
        + batchIntervalMillis
        + ", maxRetries="
        + maxRetries
        + "]";
  }
}
