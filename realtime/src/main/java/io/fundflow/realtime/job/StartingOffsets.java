package io.fundflow.realtime.job;

import io.fundflow.common.config.ConfigException;
import java.io.Serializable;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Where a job that has no checkpoint or savepoint to restore starts reading the ODS topics. A
 * restored job always continues from the offsets in its state.
 *
 * @param kind committed, earliest, latest or timestamp
 * @param timestampMillis the epoch millis of a {@code timestamp} start, else 0
 */
public record StartingOffsets(Kind kind, long timestampMillis) implements Serializable {

  /** The starting points a job can be given. */
  public enum Kind {
    COMMITTED,
    EARLIEST,
    LATEST,
    TIMESTAMP
  }

  /**
   * Parses {@code committed}, {@code earliest}, {@code latest} or {@code timestamp:EPOCH_MILLIS}.
   *
   * @throws ConfigException naming {@code key} when the text is none of them
   */
  public static StartingOffsets parse(String key, String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.startsWith("timestamp:")) {
      try {
        long millis = Long.parseLong(t.substring("timestamp:".length()));
        if (millis >= 0) {
          return new StartingOffsets(Kind.TIMESTAMP, millis);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    } else {
      for (Kind k : Kind.values()) {
        if (k != Kind.TIMESTAMP && k.name().equalsIgnoreCase(t)) {
          return new StartingOffsets(k, 0);
        }
      }
    }
    throw new ConfigException(
        key
            + ": '"
            + text
            + "' is not a starting point; expected committed, earliest, latest or"
            + " timestamp:EPOCH_MILLIS");
  }

  /** The Kafka source's offsets initializer for this starting point. */
  public OffsetsInitializer initializer() {
    return switch (kind) {
      case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case EARLIEST -> OffsetsInitializer.earliest();
      case LATEST -> OffsetsInitializer.latest();
      case TIMESTAMP -> OffsetsInitializer.timestamp(timestampMillis);
    };
  }
}
