package io.fundflow.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {

  /** A process's configuration as it would be built at start-up. */
  record StreamConfig(
      List<HostPort> brokers,
      int parallelism,
      LocalTime start,
      LocalTime stop,
      Duration checkpoint,
      boolean dryRun,
      long maxRows) {
    StreamConfig {
      Objects.requireNonNull(brokers);
    }

    static StreamConfig from(Settings s) {
      return ConfigErrors.collect(
          errors -> {
            LocalTime start = errors.get(() -> s.localTime("stream.start", LocalTime.of(8, 45)));
            LocalTime stop = errors.get(() -> s.localTime("stream.stop", LocalTime.of(16, 15)));
            errors.require(
                start == null || stop == null || stop.isAfter(start),
                "stream.stop (" + stop + ") must be after stream.start (" + start + ")");
            return new StreamConfig(
                errors.get(() -> s.hostPorts("kafka.bootstrap.servers")),
                errors.getInt(() -> s.intValue("flink.parallelism", 2, 1, 256)),
                start,
                stop,
                errors.get(() -> s.duration("flink.checkpoint.interval", Duration.ofSeconds(30))),
                errors.getBoolean(() -> s.bool("dry-run", false)),
                errors.getLong(() -> s.longValue("max.rows", 1000, 1, 1_000_000)));
          });
    }
  }

  @Test
  void validConfigurationBuildsTheRecord() {
    Settings s =
        Settings.of(Map.of("kafka.bootstrap.servers", "localhost:9092"), "f", Map.of(), Map.of());
    StreamConfig c = StreamConfig.from(s);

    assertEquals(List.of(new HostPort("localhost", 9092)), c.brokers());
    assertEquals(2, c.parallelism());
    assertEquals(LocalTime.of(8, 45), c.start());
    assertEquals(Duration.ofSeconds(30), c.checkpoint());
  }

  @Test
  void everyProblemIsReportedInOneException() {
    Settings s =
        Settings.of(
            Map.of(
                "flink.parallelism",
                "0",
                "stream.start",
                "17:00",
                "dry-run",
                "maybe",
                "max.rows",
                "-3"),
            "realtime.properties",
            Map.of("FUNDFLOW_FLINK_CHECKPOINT_INTERVAL", "soon"),
            Map.of());

    ConfigException e = assertThrows(ConfigException.class, () -> StreamConfig.from(s));

    List<String> expected =
        List.of(
            "stream.stop (16:15) must be after stream.start (17:00)",
            "kafka.bootstrap.servers is required but not set; expected a comma-separated list of"
                + " host:port, e.g. broker1:9092,broker2:9092; set it in file realtime.properties,"
                + " in environment variable FUNDFLOW_KAFKA_BOOTSTRAP_SERVERS or with"
                + " -Dkafka.bootstrap.servers=...",
            "flink.parallelism = \"0\" (from file realtime.properties) is invalid: expected an"
                + " integer in [1, 256]",
            "flink.checkpoint.interval = \"soon\" (from environment variable"
                + " FUNDFLOW_FLINK_CHECKPOINT_INTERVAL) is invalid: expected a duration such as"
                + " 500ms, 30s, 5m, 2h, 1d or ISO-8601 PT30S, not negative",
            "dry-run = \"maybe\" (from file realtime.properties) is invalid: expected true or"
                + " false",
            "max.rows = \"-3\" (from file realtime.properties) is invalid: expected an integer in"
                + " [1, 1000000]");
    assertEquals(expected, e.problems());
    assertEquals(
        "6 configuration problems:\n  - " + String.join("\n  - ", expected), e.getMessage());
    // The record refused the null placeholder; that failure is kept, not shown as the cause.
    assertEquals(1, e.getSuppressed().length);
  }

  @Test
  void aFailureOfTheBuilderItselfPassesThroughWhenNoKeyFailed() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ConfigErrors.collect(
                    errors -> {
                      throw new IllegalStateException("bug");
                    }));
    assertEquals("bug", e.getMessage());
  }
}
