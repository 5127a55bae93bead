package io.fundflow.realtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealtimeConfigTest {

  private static RealtimeConfig load(Map<String, String> file) {
    return RealtimeConfig.from(Settings.of(file, "test.properties", Map.of(), Map.of()));
  }

  @Test
  void defaultsApplyWhenOnlyTheEndpointsAreGiven() {
    RealtimeConfig c =
        load(Map.of("kafka.bootstrap.servers", "k1:9092,k2:9092", "hbase.bootstrap.servers", "h:16000"));
    assertEquals("k1:9092,k2:9092", c.kafkaBootstrapServers());
    assertEquals(2, c.parallelism());
    assertEquals(Duration.ofDays(14), c.stateTtl());
    assertEquals(StartingOffsets.Kind.COMMITTED, c.startingOffsets().kind());
    assertEquals(Duration.ofMillis(200), c.hbaseFlushInterval());
    assertEquals(16L << 20, c.hbaseMaxInFlightBytes());
    assertEquals(Optional.empty(), c.stateBackend());
    assertEquals(Duration.ofMillis(200), c.summaryEmitInterval());
    assertEquals(Duration.ofMillis(100), c.networkBufferTimeout());
  }

  @Test
  void theSummaryEmitIntervalIsConfigurableAndNeverNegative() {
    Map<String, String> base = Map.of("kafka.bootstrap.servers", "k:9092", "hbase.bootstrap.servers", "h:16000");
    HashMap<String, String> keys = new HashMap<>(base);
    keys.put("realtime.summary.emit-interval", "0ms");
    assertEquals(Duration.ZERO, load(keys).summaryEmitInterval());
    keys.put("realtime.summary.emit-interval", "-1s");
    ConfigException e = assertThrows(ConfigException.class, () -> load(keys));
    assertTrue(e.getMessage().contains("realtime.summary.emit-interval"), e.getMessage());
  }

  @Test
  void theStateBackendIsHashmapOrRocksdb() {
    Map<String, String> base = Map.of("kafka.bootstrap.servers", "k:9092", "hbase.bootstrap.servers", "h:16000");
    HashMap<String, String> rocks = new HashMap<>(base);
    rocks.put("realtime.state.backend", "rocksdb");
    assertEquals(Optional.of("rocksdb"), load(rocks).stateBackend());
    rocks.put("realtime.state.backend", "memory");
    ConfigException e = assertThrows(ConfigException.class, () -> load(rocks));
    assertTrue(e.getMessage().contains("realtime.state.backend"), e.getMessage());
  }

  @Test
  void theHBaseFlushIntervalAndInFlightBoundAreConfigurable() {
    RealtimeConfig c =
        load(
            Map.of(
                "kafka.bootstrap.servers", "k:9092",
                "hbase.bootstrap.servers", "h:16000",
                "realtime.hbase.flush-interval", "50ms",
                "realtime.hbase.max-in-flight-bytes", "1048576"));
    assertEquals(Duration.ofMillis(50), c.hbaseFlushInterval());
    assertEquals(1L << 20, c.hbaseMaxInFlightBytes());
  }

  @Test
  void everyBadKeyIsNamedInOneError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    Map.of(
                        "hbase.bootstrap.servers", "h:99999",
                        "realtime.parallelism", "zero",
                        "realtime.kafka.starting-offsets", "yesterday")));
    String m = e.getMessage();
    assertTrue(m.contains("kafka.bootstrap.servers"), m);
    assertTrue(m.contains("hbase.bootstrap.servers"), m);
    assertTrue(m.contains("realtime.parallelism"), m);
    assertTrue(m.contains("realtime.kafka.starting-offsets"), m);
  }

  @Test
  void aTimestampStartIsParsed() {
    StartingOffsets s = StartingOffsets.parse("k", "timestamp:1795051862500");
    assertEquals(StartingOffsets.Kind.TIMESTAMP, s.kind());
    assertEquals(1795051862500L, s.timestampMillis());
    assertThrows(ConfigException.class, () -> StartingOffsets.parse("k", "timestamp:-1"));
  }
}
