package io.fundflow.realtime.job;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything a realtime job reads from configuration, validated in one place at start-up.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>kafka.bootstrap.servers</td><td>Kafka brokers, host:port,...</td></tr>
 *   <tr><td>hbase.bootstrap.servers</td><td>HBase masters' RPC host:port,... (no ZooKeeper needed)</td></tr>
 *   <tr><td>realtime.parallelism</td><td>default 2</td></tr>
 *   <tr><td>realtime.checkpoint.interval</td><td>default 10s</td></tr>
 *   <tr><td>realtime.checkpoint.dir</td><td>e.g. file:///data/ckpt or hdfs://...; the cluster's default when absent</td></tr>
 *   <tr><td>realtime.state.ttl</td><td>how long per-row state lives, default 14d (covers the longest closure)</td></tr>
 *   <tr><td>realtime.state.backend</td><td>hashmap (state on the heap, every checkpoint writes all of it)
 *       or rocksdb (state in RocksDB, incremental checkpoints write only what changed); the cluster's
 *       default (hashmap unless configured) when absent</td></tr>
 *   <tr><td>realtime.network.buffer-timeout</td><td>longest a record waits in a network buffer
 *       between tasks before it is sent on, default 100ms (Flink's); lower cuts latency, costs CPU</td></tr>
 *   <tr><td>realtime.summary.emit-interval</td><td>longest a changed customer-day summary waits to
 *       be written to HBase and dws.customer_day, default 200ms; the changes within it are written
 *       once. 0 writes the summary after every change</td></tr>
 *   <tr><td>realtime.hbase.write-buffer-bytes</td><td>default 4194304</td></tr>
 *   <tr><td>realtime.hbase.flush-interval</td><td>longest a buffered HBase write waits to be sent when
 *       the buffer does not fill, default 200ms (bounds how stale the served rows are)</td></tr>
 *   <tr><td>realtime.hbase.max-in-flight-bytes</td><td>bytes handed to the HBase senders and not yet
 *       written, default 16777216; beyond it the job is back-pressured</td></tr>
 *   <tr><td>realtime.kafka.group-id</td><td>consumer group prefix, default fundflow-realtime</td></tr>
 *   <tr><td>realtime.kafka.transaction-timeout</td><td>default 10m, at most the broker's transaction.max.timeout.ms</td></tr>
 *   <tr><td>realtime.restart.attempts / realtime.restart.delay</td><td>default 10 / 10s</td></tr>
 *   <tr><td>realtime.kafka.starting-offsets</td><td>where a job without checkpoint or savepoint starts:
 *       committed (default: the group's offsets, else earliest), earliest, latest, or
 *       timestamp:EPOCH_MILLIS (replay from a point in time)</td></tr>
 *   <tr><td>db.url / db.user / db.password</td><td>the platform database (advisory job only)</td></tr>
 *   <tr><td>realtime.ads.batch-size / realtime.ads.batch-interval</td><td>default 500 / 1s</td></tr>
 * </table>
 */
public record RealtimeConfig(
    String kafkaBootstrapServers,
    String hbaseBootstrapServers,
    int parallelism,
    Duration checkpointInterval,
    Optional<String> checkpointDir,
    Duration stateTtl,
    Optional<String> stateBackend,
    Duration networkBufferTimeout,
    Duration summaryEmitInterval,
    long hbaseWriteBufferBytes,
    Duration hbaseFlushInterval,
    long hbaseMaxInFlightBytes,
    String kafkaGroupId,
    Duration kafkaTransactionTimeout,
    int restartAttempts,
    Duration restartDelay,
    StartingOffsets startingOffsets,
    Optional<String> dbUrl,
    String dbUser,
    String dbPassword,
    int adsBatchSize,
    Duration adsBatchInterval)
    implements Serializable {

  @Override
  public String toString() {
    // A record's default toString would print the database password.
    return "RealtimeConfig[kafka=" + kafkaBootstrapServers + ", hbase=" + hbaseBootstrapServers
        + ", parallelism=" + parallelism + ", db=" + dbUrl.orElse("-") + "]";
  }

  /**
   * The database URL, which the advisory job needs.
   *
   * @throws ConfigException naming {@code db.url} when it is not configured
   */
  public String requireDbUrl() {
    return dbUrl.orElseThrow(
        () -> new ConfigException("db.url: required by the advisory job (the platform database)"));
  }

  /** Reads and validates every key, reporting all problems at once. */
  public static RealtimeConfig from(Settings s) {
    return ConfigErrors.collect(
        errors ->
            new RealtimeConfig(
                errors.get(() -> joined(s.hostPorts("kafka.bootstrap.servers"))),
                errors.get(() -> joined(s.hostPorts("hbase.bootstrap.servers"))),
                errors.getInt(() -> s.intValue("realtime.parallelism", 2, 1, 1024)),
                errors.get(() -> s.duration("realtime.checkpoint.interval", Duration.ofSeconds(10))),
                errors.get(() -> s.optionalString("realtime.checkpoint.dir")),
                errors.get(() -> s.duration("realtime.state.ttl", Duration.ofDays(14))),
                errors.get(() -> s.optionalString("realtime.state.backend").map(RealtimeConfig::stateBackend)),
                errors.get(() -> s.duration("realtime.network.buffer-timeout", Duration.ofMillis(100))),
                errors.get(() -> s.duration("realtime.summary.emit-interval", Duration.ofMillis(200))),
                errors.getLong(
                    () -> s.longValue("realtime.hbase.write-buffer-bytes", 4L << 20, 64L << 10, 1L << 30)),
                errors.get(() -> s.duration("realtime.hbase.flush-interval", Duration.ofMillis(200))),
                errors.getLong(
                    () -> s.longValue("realtime.hbase.max-in-flight-bytes", 16L << 20, 64L << 10, 4L << 30)),
                errors.get(() -> s.string("realtime.kafka.group-id", "fundflow-realtime")),
                errors.get(() -> s.duration("realtime.kafka.transaction-timeout", Duration.ofMinutes(10))),
                errors.getInt(() -> s.intValue("realtime.restart.attempts", 10, 0, 1000)),
                errors.get(() -> s.duration("realtime.restart.delay", Duration.ofSeconds(10))),
                errors.get(
                    () ->
                        StartingOffsets.parse(
                            "realtime.kafka.starting-offsets",
                            s.string("realtime.kafka.starting-offsets", "committed"))),
                errors.get(() -> s.optionalString("db.url")),
                errors.get(() -> s.string("db.user", "fundflow")),
                errors.get(() -> s.string("db.password", "")),
                errors.getInt(() -> s.intValue("realtime.ads.batch-size", 500, 1, 100_000)),
                errors.get(() -> s.duration("realtime.ads.batch-interval", Duration.ofSeconds(1)))));
  }

  private static String stateBackend(String value) {
    if (!value.equals("hashmap") && !value.equals("rocksdb")) {
      throw new ConfigException("realtime.state.backend: hashmap or rocksdb, not '" + value + "'");
    }
    return value;
  }

  private static String joined(List<HostPort> hostPorts) {
    return hostPorts.stream().map(HostPort::toString).collect(Collectors.joining(","));
  }
}
