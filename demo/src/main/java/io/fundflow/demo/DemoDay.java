package io.fundflow.demo;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.config.Settings;
import io.fundflow.common.time.SimulatedClock;
import io.fundflow.generator.ChangeLogPublisher;
import io.fundflow.generator.Fault;
import io.fundflow.generator.GeneratedDay;
import io.fundflow.generator.GeneratorSettings;
import io.fundflow.generator.JdbcDayEndWriter;
import io.fundflow.generator.Pacing;
import io.fundflow.generator.TradingDayGenerator;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.scheduler.flink.FlinkJob;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.scheduler.plan.StreamJob;
import io.fundflow.scheduler.service.SchedulerConfig;
import io.fundflow.scheduler.service.SchedulerServer;
import io.fundflow.scheduler.store.CorrectionLaunch;
import io.fundflow.stack.StackEndpoints;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * One simulated trading day on a running stack: the generator feeds the change log on a simulated
 * clock, the scheduler (the production service, only its clock injected) starts the stream jobs
 * before the open, stops them with a savepoint after the close and launches the nightly
 * correction; the traders' API runs as its own process and is left up for the caller.
 */
public final class DemoDay implements AutoCloseable {

  /** When the simulated clock starts: before the stream window opens at 08:45. */
  static final LocalTime CLOCK_START = LocalTime.of(8, 30);

  /** When the day-end export lands in the database: after the close, before the correction. */
  static final LocalTime DAY_END_EXPORT = LocalTime.of(15, 30);

  /** The opening call auction: the clock waits here until the stream jobs run. */
  static final LocalTime HOLD_FOR_STREAMS = LocalTime.of(9, 15);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StackEndpoints stack;
  private final DemoLayout layout;
  private final DemoSettings settings;
  private final PrintStream out;
  private final String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
  private final List<AutoCloseable> started = new ArrayList<>();
  private ServingProcess serving;
  private SchedulerServer scheduler;

  public DemoDay(StackEndpoints stack, DemoLayout layout, DemoSettings settings, PrintStream out) {
    this.stack = stack;
    this.layout = layout;
    this.settings = settings;
    this.out = out;
  }

  /** Runs the day; returns once the correction has run and its result is checked. */
  public DemoOutcome run() throws Exception {
    Files.createDirectories(settings.work());
    GeneratedDay day = generate();
    serving = startServing();
    started.add(serving);
    out.println("Traders' API and page: " + serving.url());

    MarketWindow window = MarketWindow.defaults();
    Instant clockStart = ZonedDateTime.of(settings.day(), CLOCK_START, window.zone()).toInstant();
    SimulatedClock clock = new SimulatedClock(Clock.systemUTC(), clockStart, settings.speed());
    SchedulerConfig config = schedulerConfig();
    scheduler = SchedulerServer.start(config, clock);
    started.add(0, scheduler);
    out.printf(
        "Scheduler on the simulated clock (x%.0f): streams start %s, stop %s, correction %s%n",
        settings.speed(), window.start(), window.stop(), window.correction());

    AtomicReference<Throwable> publishFailure = new AtomicReference<>();
    ChangeLogPublisher publisher =
        ChangeLogPublisher.connect(stack.kafkaBootstrap(), Pacing.onClock(clock));
    started.add(0, publisher);
    Thread feed =
        new Thread(
            () -> {
              try {
                publisher.publish(day.changeLog());
              } catch (Throwable t) {
                publishFailure.set(t);
              }
            },
            "change-log-feed");
    feed.setDaemon(true);
    feed.start();

    Instant dayEndAt = ZonedDateTime.of(settings.day(), DAY_END_EXPORT, window.zone()).toInstant();
    OpeningHold openingHold =
        new OpeningHold(
            clock,
            ZonedDateTime.of(settings.day(), HOLD_FOR_STREAMS, window.zone()).toInstant(),
            new FlinkRestClient(stack.flinkRestUrl()),
            streamJobNames(),
            out);
    boolean dayEndWritten = false;
    Instant deadline = Instant.now().plus(settings.timeout());
    try (Connection hbase =
            ConnectionFactory.createConnection(
                new HBaseClientSettings(stack.hbase()).toConfiguration());
        Progress progress =
            new Progress(
                clock, publisher, day, new ServedRows(hbase),
                new FlinkRestClient(stack.flinkRestUrl()), config, out)) {
      Instant nextProgress = Instant.now();
      while (true) {
        if (publishFailure.get() != null) {
          throw new IllegalStateException("the change-log feed failed", publishFailure.get());
        }
        openingHold.tick();
        if (!dayEndWritten && !clock.instant().isBefore(dayEndAt)) {
          new JdbcDayEndWriter(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword())
              .write(day.dayEnd());
          dayEndWritten = true;
          out.printf(
              "%s  day-end export written to the database: %d journal entries, %d customers%n",
              Progress.clockText(clock), day.dayEnd().journal().size(), day.dayEnd().customers().size());
        }
        List<CorrectionLaunch> launches = scheduler.store().corrections(settings.day());
        if (launches.stream().anyMatch(CorrectionLaunch::succeeded)) {
          break;
        }
        if (launches.stream().filter(l -> l.exitCode().isPresent()).count() >= 2) {
          throw new IllegalStateException(
              "the correction failed twice; its output ends:\n" + launches.get(0).outputTail());
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "the day did not finish within " + settings.timeout() + openingHold.stuckReason()
                  + " (see " + settings.work() + ")");
        }
        if (!Instant.now().isBefore(nextProgress)) {
          progress.print(settings.day());
          nextProgress = Instant.now().plus(settings.progressEvery());
        }
        Thread.sleep(250);
      }
      progress.print(settings.day());
    }
    // The day is done: stop driving time, so the next simulated morning does not start the jobs.
    closeQuietly(scheduler);
    started.remove(scheduler);
    out.println(Progress.clockText(clock) + "  correction done; scheduler stopped");

    JsonNode report = JSON.readTree(reportFile().toFile());
    List<FaultCheck> checks = checkFaults(day);
    return new DemoOutcome(day, report, checks, serving.url(), reportFile());
  }

  private GeneratedDay generate() {
    GeneratorSettings g =
        GeneratorSettings.defaults(settings.day())
            .withSeed(settings.seed())
            .withCustomers(settings.customers());
    GeneratedDay day = TradingDayGenerator.generate(g);
    out.printf(
        "Generated %s (seed %d): %d customers, %d change-log messages %s, %d faults planted%n",
        settings.day(), settings.seed(), settings.customers(), day.changeLog().size(),
        day.messagesPerTopic(), day.faults().size());
    return day;
  }

  private ServingProcess startServing() throws Exception {
    Path users = settings.work().resolve("users.properties");
    String hash =
        BCrypt.withDefaults().hashToString(10, DemoSettings.TRADER_PASSWORD.toCharArray());
    Files.writeString(
        users,
        "# the demo's trader: every branch\n" + DemoSettings.TRADER + " = " + hash + " ; *\n",
        StandardCharsets.UTF_8);
    Map<String, String> s = new LinkedHashMap<>();
    s.put("http.host", "127.0.0.1");
    s.put("http.port", Integer.toString(settings.servingPort()));
    s.put("hbase.bootstrap.servers", stack.hbase().get("hbase.client.bootstrap.servers"));
    s.put("db.url", stack.jdbcUrl());
    s.put("db.user", stack.jdbcUser());
    s.put("db.password", stack.jdbcPassword());
    s.put("serving.users.file", users.toString());
    s.put("serving.jwt.secret", secret());
    s.put("serving.cursor.secret", secret());
    return ServingProcess.start(
        javaCommand(), layout.servingJar(), s, settings.work().resolve("serving.log"),
        Duration.ofMinutes(2));
  }

  private SchedulerConfig schedulerConfig() {
    String hbase = stack.hbase().get("hbase.client.bootstrap.servers");
    Map<String, String> s = new LinkedHashMap<>();
    s.put("flink.rest.url", stack.flinkRestUrl());
    s.put("kafka.bootstrap.servers", stack.kafkaBootstrap());
    s.put("hbase.bootstrap.servers", hbase);
    s.put("db.url", stack.jdbcUrl());
    s.put("db.user", stack.jdbcUser());
    s.put("db.password", stack.jdbcPassword());
    s.put("scheduler.jobs", "fund-flow,advisory");
    s.put("scheduler.job-jar", layout.realtimeJobJar().toString());
    s.put("scheduler.savepoint.dir", settings.work().resolve("savepoints").toUri().toString());
    s.put("scheduler.reconcile.interval", "1s");
    s.put("scheduler.stop.lag-timeout", "2m");
    s.put("scheduler.correction.timeout", "20m");
    s.put("scheduler.correction.retry-delay", "5s");
    s.put("scheduler.http.port", "0");
    s.put("scheduler.instance-id", "demo-" + runId);
    s.put(
        "scheduler.correction.command",
        layout.correctionCommand(
            javaCommand(),
            List.of(
                "-Dhbase.bootstrap.servers=" + hbase,
                "-Ddb.url=" + stack.jdbcUrl(),
                "-Ddb.user=" + stack.jdbcUser(),
                "-Ddb.password=" + stack.jdbcPassword(),
                "-Dspark.master=local[2]"),
            settings.work()));
    // Forwarded to the stream jobs: one slot each on the laptop-sized cluster, frequent
    // checkpoints, and a consumer group of this run that starts at this run's messages.
    s.put("realtime.parallelism", "1");
    s.put("realtime.checkpoint.interval", "2s");
    s.put("realtime.kafka.group-id", "fundflow-demo-" + runId);
    s.put("realtime.kafka.starting-offsets", "timestamp:" + (System.currentTimeMillis() - 1_000));
    return SchedulerConfig.from(Settings.of(s, "demo", Map.of(), Map.of()));
  }

  /** The report the correction wrote for the day. */
  Path reportFile() {
    return settings.work().resolve("correction-" + settings.day().toString().replace("-", "") + ".json");
  }

  private List<FaultCheck> checkFaults(GeneratedDay day) throws Exception {
    TraderApi api = TraderApi.login(serving.url(), DemoSettings.TRADER, DemoSettings.TRADER_PASSWORD);
    List<FaultCheck> checks = new ArrayList<>();
    for (Fault f : day.faults().faults()) {
      BigDecimal served = null;
      for (JsonNode item : api.fundFlows(f.clientId(), settings.day())) {
        if (item.path("serialNo").asLong() == f.serialNo()) {
          served = new BigDecimal(item.path("amount").asText());
        }
      }
      checks.add(new FaultCheck(f, served));
    }
    return checks;
  }

  /** The names the stream jobs run under in Flink. */
  static List<String> streamJobNames() {
    return List.of(StreamJob.of("fund-flow").flinkName(), StreamJob.of("advisory").flinkName());
  }

  private static String secret() {
    return HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /**
   * Stops what the run started and still runs: the feed, the scheduler, the traders' API, and any
   * stream job of this run still live (a run interrupted mid-session).
   */
  @Override
  public void close() {
    for (AutoCloseable c : started) {
      closeQuietly(c);
    }
    started.clear();
    try {
      FlinkRestClient flink = new FlinkRestClient(stack.flinkRestUrl());
      for (FlinkJob j : flink.jobs()) {
        if (streamJobNames().contains(j.name()) && !j.state().terminal()) {
          flink.cancel(j.id());
        }
      }
    } catch (RuntimeException e) {
      out.println("could not cancel the stream jobs: " + e.getMessage());
    }
  }

  private void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      out.println("stopping " + c.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The serving process, left running after {@link #run}. */
  public Optional<String> servingUrl() {
    return Optional.ofNullable(serving).map(ServingProcess::url);
  }
}
