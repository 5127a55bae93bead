package io.fundflow.scheduler.service;

import io.fundflow.common.config.ConfigErrors;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.scheduler.plan.StreamJob;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the scheduler reads from configuration, validated at once (keys in {@code
 * docs/scheduler.md}).
 */
public record SchedulerConfig(
    String flinkRestUrl,
    String kafkaBootstrapServers,
    String dbUrl,
    String dbUser,
    String dbPassword,
    List<StreamJob> jobs,
    Path jobJar,
    int parallelism,
    Map<String, String> jobArguments,
    String kafkaGroupPrefix,
    String savepointDir,
    MarketWindow window,
    Optional<Path> calendarDir,
    Duration lagTimeout,
    Duration savepointTimeout,
    int stopAttempts,
    int maxRestarts,
    Duration checkpointStatsTtl,
    List<String> odsTopics,
    Duration retentionMargin,
    Optional<String> correctionCommand,
    Duration correctionTimeout,
    Duration correctionRetryDelay,
    Optional<URI> alertWebhook,
    int httpPort,
    String instanceId,
    String quartzDelegate,
    int clusterCheckinMs,
    Duration reconcileInterval) {

  /** Keys forwarded to the realtime jobs as {@code -Dkey=value} when set explicitly. */
  private static final List<String> FORWARDED_PREFIXES =
      List.of("kafka.", "hbase.", "db.", "realtime.");

  @Override
  public String toString() {
    return "SchedulerConfig[flink=" + flinkRestUrl + ", db=" + dbUrl + ", jobs=" + jobs + "]";
  }

  /** Reads and validates every key, reporting all problems at once. */
  public static SchedulerConfig from(Settings s) {
    return ConfigErrors.collect(
        errors -> {
          MarketWindow window =
              errors.get(
                  () ->
                      new MarketWindow(
                          s.localTime("scheduler.start-time", LocalTime.of(8, 45)),
                          s.localTime("scheduler.stop-time", LocalTime.of(16, 15)),
                          s.localTime("scheduler.correction-time", LocalTime.of(20, 0)),
                          ZoneId.of(s.string("scheduler.zone", "Asia/Shanghai"))));
          Map<String, String> forwarded = new LinkedHashMap<>();
          for (String key : s.explicitKeys()) {
            if (FORWARDED_PREFIXES.stream().anyMatch(key::startsWith)) {
              forwarded.put(key, s.string(key));
            }
          }
          return new SchedulerConfig(
              errors.get(() -> s.uri("flink.rest.url").toString()),
              errors.get(() -> joined(s.hostPorts("kafka.bootstrap.servers"))),
              errors.get(() -> s.string("db.url")),
              errors.get(() -> s.string("db.user", "fundflow")),
              errors.get(() -> s.string("db.password", "")),
              errors.get(
                  () ->
                      s.list("scheduler.jobs", List.of("fund-flow", "advisory")).stream()
                          .map(StreamJob::of)
                          .toList()),
              errors.get(() -> s.path("scheduler.job-jar")),
              errors.getInt(() -> s.intValue("realtime.parallelism", 2, 1, 1024)),
              forwarded,
              errors.get(() -> s.string("realtime.kafka.group-id", "fundflow-realtime")),
              errors.get(() -> savepointDir(s)),
              window,
              errors.get(() -> s.has("scheduler.calendar.dir")
                  ? Optional.of(s.path("scheduler.calendar.dir")) : Optional.<Path>empty()),
              errors.get(() -> s.duration("scheduler.stop.lag-timeout", Duration.ofMinutes(2))),
              errors.get(() -> s.duration("scheduler.stop.savepoint-timeout", Duration.ofMinutes(5))),
              errors.getInt(() -> s.intValue("scheduler.stop.attempts", 2, 1, 10)),
              errors.getInt(() -> s.intValue("scheduler.restart.max-attempts", 3, 0, 100)),
              errors.get(
                  () -> s.duration("scheduler.flink.checkpoint-stats-ttl", Duration.ofSeconds(3))),
              errors.get(
                  () ->
                      s.list(
                          "scheduler.ods.topics",
                          List.of(
                              "ods.fund_journal",
                              "ods.customer",
                              "ods.channel",
                              "ods.advisory_contract",
                              "ods.advisory_order"))),
              errors.get(() -> s.duration("scheduler.retention.margin", Duration.ofDays(1))),
              errors.get(() -> s.optionalString("scheduler.correction.command")),
              errors.get(() -> s.duration("scheduler.correction.timeout", Duration.ofHours(4))),
              errors.get(() -> s.duration("scheduler.correction.retry-delay", Duration.ofMinutes(5))),
              errors.get(() -> s.has("scheduler.alert.webhook")
                  ? Optional.of(s.uri("scheduler.alert.webhook")) : Optional.<URI>empty()),
              errors.getInt(() -> s.intValue("scheduler.http.port", 8095, 0, 65535)),
              errors.get(() -> s.string("scheduler.instance-id", "AUTO")),
              errors.get(
                  () ->
                      s.string(
                          "scheduler.quartz.delegate",
                          "org.quartz.impl.jdbcjobstore.StdJDBCDelegate")),
              errors.getInt(() -> s.intValue("scheduler.cluster.checkin-ms", 7500, 1000, 600_000)),
              errors.get(() -> reconcileInterval(s)));
        });
  }

  /** The program arguments of {@code RealtimeMain} for {@code job}. */
  public List<String> programArgs(StreamJob job) {
    List<String> args = new ArrayList<>();
    args.add(job.argument());
    args.add("-Dkafka.bootstrap.servers=" + kafkaBootstrapServers);
    jobArguments.forEach(
        (k, v) -> {
          if (!k.equals("kafka.bootstrap.servers")) {
            args.add("-D" + k + "=" + v);
          }
        });
    return args;
  }

  /** The consumer group of {@code job}. */
  public String groupId(StreamJob job) {
    return kafkaGroupPrefix + job.groupSuffix();
  }

  private static String savepointDir(Settings s) {
    String dir = s.string("scheduler.savepoint.dir");
    if (!dir.matches("[a-zA-Z][a-zA-Z0-9+.-]*:/.+")) {
      throw new io.fundflow.common.config.ConfigException(
          "scheduler.savepoint.dir = \"" + dir + "\" is invalid: expected a file system URI Flink"
              + " can write, e.g. file:///data/savepoints or hdfs:///fundflow/savepoints");
    }
    return dir;
  }

  private static Duration reconcileInterval(Settings s) {
    Duration d = s.duration("scheduler.reconcile.interval", Duration.ofMinutes(1));
    if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
      throw new io.fundflow.common.config.ConfigException(
          "scheduler.reconcile.interval = " + d + " is invalid: expected between 1s and 1h");
    }
    return d;
  }

  private static String joined(List<HostPort> hostPorts) {
    return hostPorts.stream().map(HostPort::toString).collect(Collectors.joining(","));
  }
}
