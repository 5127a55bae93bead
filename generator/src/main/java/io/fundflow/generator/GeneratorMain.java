package io.fundflow.generator;

import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.HostPort;
import io.fundflow.common.config.Settings;
import io.fundflow.common.time.SimulatedClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The generator command: one simulated trading day to Kafka and the day-end store.
 *
 * <pre>
 *   java -jar generator/target/fundflow-generator-*-app.jar generate --date 20261120 --customers 200 \
 *       --seed 42 --kafka 127.0.0.1:19092 --day-end jdbc --jdbc-url jdbc:h2:tcp://... --speed 60 \
 *       --faults-out faults.json
 *   ./platform generate --date 20261120 --as-fast-as-possible --day-end csv:/tmp/eod
 * </pre>
 *
 * Exit codes: 0 done, 1 a write failed, 2 bad arguments or configuration (the message names the
 * option).
 */
@Command(
    name = "fundflow-generator",
    mixinStandardHelpOptions = true,
    description = "Simulated trading days: change log on the ODS topics and day-end data.",
    subcommands = {GeneratorMain.GenerateCommand.class})
public final class GeneratorMain implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, for tests that capture its output. */
  static CommandLine commandLine() {
    return new CommandLine(new GeneratorMain());
  }

  /** {@code generate}: one trading day. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Generate one simulated trading day (seeded, reproducible): send its change log to the ODS"
            + " topics (Debezium and GoldenGate envelopes, paced on a simulated clock) and write"
            + " the authoritative day-end data where the nightly correction reads it.",
        "Without --kafka (or kafka.bootstrap.servers) nothing is sent; without --day-end nothing"
            + " is written: the command then prints what it would do."
      })
  static final class GenerateCommand implements Callable<Integer> {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Spec CommandSpec spec;

    @Option(
        names = "--date",
        required = true,
        paramLabel = "yyyymmdd",
        description = "Trading day (INIT_DATE), a weekday.")
    String date;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Random seed. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(
        names = "--customers",
        defaultValue = "200",
        description = "Customers. Default ${DEFAULT-VALUE}.")
    int customers;

    @Option(
        names = "--entries-per-customer",
        defaultValue = "6",
        paramLabel = "N",
        description = "Average journal entries per customer. Default ${DEFAULT-VALUE}.")
    double entriesPerCustomer;

    @Option(
        names = "--faults",
        paramLabel = "N",
        description = "Faults of each kind (missing, wrong amount, rolled back). Default 4.")
    Integer faults;

    @Option(
        names = "--missing",
        paramLabel = "N",
        description = "Entries missing from the stream (overrides --faults).")
    Integer missing;

    @Option(
        names = "--wrong-amount",
        paramLabel = "N",
        description = "Entries streamed with a wrong amount (overrides --faults).")
    Integer wrongAmount;

    @Option(
        names = "--rolled-back",
        paramLabel = "N",
        description = "Entries streamed, then rolled back (overrides --faults).")
    Integer rolledBack;

    @Option(
        names = "--goldengate-share",
        defaultValue = "0.3",
        paramLabel = "0..1",
        description = "Share of rows in GoldenGate envelopes. Default ${DEFAULT-VALUE}.")
    double goldenGateShare;

    @Option(
        names = "--malformed",
        defaultValue = "6",
        paramLabel = "N",
        description = "Malformed messages. Default ${DEFAULT-VALUE}.")
    int malformed;

    @Option(
        names = "--kafka",
        paramLabel = "host:port[,...]",
        description = "Kafka bootstrap servers (else kafka.bootstrap.servers).")
    String kafka;

    @ArgGroup(exclusive = true)
    Pace pace = new Pace();

    /** How fast the day runs. */
    static final class Pace {
      @Option(
          names = "--speed",
          paramLabel = "N",
          description =
              "Simulated seconds per real second (default 60: 08:30-16:10 in about 8 minutes).")
      Double speed;

      @Option(names = "--as-fast-as-possible", description = "Send without waiting.")
      boolean asFastAsPossible;
    }

    @Option(
        names = "--start",
        paramLabel = "HH:mm",
        description =
            "Simulated time to start at; earlier messages go at once. Default: the first message"
                + " (08:30).")
    String start;

    @Option(
        names = "--day-end",
        paramLabel = "jdbc|csv:<dir>",
        description =
            "Where the day-end data goes: the database's source tables, or a CSV export folder.")
    String dayEnd;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Database URL (else db.url).")
    String jdbcUrl;

    @Option(
        names = "--jdbc-user",
        paramLabel = "USER",
        description = "Database user (else db.user, default fundflow).")
    String jdbcUser;

    @Option(
        names = "--jdbc-password",
        paramLabel = "PASSWORD",
        description = "Database password (else db.password).")
    String jdbcPassword;

    @Option(
        names = "--faults-out",
        paramLabel = "FILE",
        description = "Write the fault manifest as JSON.")
    Path faultsOut;

    @Option(
        names = "--progress-every",
        defaultValue = "5",
        paramLabel = "SECONDS",
        description = "Seconds between progress lines. Default ${DEFAULT-VALUE}.")
    int progressEvery;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description =
            "Properties file; FUNDFLOW_* environment variables and -D options override it.")
    Path config;

    @Option(names = "-D", paramLabel = "key=value", description = "Override one configuration key.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      GeneratorSettings settings = settings();
      GeneratorConfig c;
      try {
        Settings s =
            config == null
                ? Settings.of(Map.of(), "(no file)", System.getenv(), overrides)
                : Settings.load(config, System.getenv(), overrides);
        c = GeneratorConfig.from(s);
      } catch (ConfigException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      String bootstrap = kafka != null ? bootstrapOption() : c.kafkaBootstrap().orElse(null);
      DayEndWriter writer = dayEndWriter(c);
      if (progressEvery < 1) {
        throw new ParameterException(spec.commandLine(), "--progress-every must be at least 1");
      }
      LocalTime startAt = parseStart();
      double speed = pace.speed == null ? 60 : pace.speed;
      if (!pace.asFastAsPossible && !(speed >= 1 && speed <= 1_000_000)) {
        throw new ParameterException(spec.commandLine(), "--speed must be in 1..1000000: " + speed);
      }

      long began = System.nanoTime();
      GeneratedDay day = TradingDayGenerator.generate(settings);
      out.printf(
          "generated %d in %d ms: %d messages %s, day-end %d rows, faults %d (%s)%n",
          settings.initDate(),
          (System.nanoTime() - began) / 1_000_000,
          day.changeLog().size(),
          day.messagesPerTopic(),
          day.dayEnd().rowCount(),
          day.faults().size(),
          String.join(", ", day.faults().clientIds()));
      out.flush();
      if (faultsOut != null) {
        Path parent = faultsOut.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.write(faultsOut, FaultManifestJson.write(day));
        out.println("fault manifest: " + faultsOut);
      }
      if (bootstrap != null) {
        try {
          publish(day, bootstrap, startAt, speed, out);
        } catch (ChangeLogPublisher.PublishFailedException | KafkaException e) {
          spec.commandLine().getErr().println("fundflow-generator: " + e.getMessage());
          return 1;
        }
      } else {
        out.println("no Kafka given (--kafka or kafka.bootstrap.servers): change log not sent");
      }
      if (writer != null) {
        try {
          out.println("day-end data written: " + writer.write(day.dayEnd()));
        } catch (IOException e) {
          spec.commandLine().getErr().println("fundflow-generator: " + e.getMessage());
          return 1;
        }
      }
      out.flush();
      return 0;
    }

    private void publish(
        GeneratedDay day, String bootstrap, LocalTime startAt, double speed, PrintWriter out)
        throws InterruptedException {
      Instant first = day.changeLog().get(0).sendAt();
      Instant simulatedStart =
          startAt == null
              ? first
              : settings().tradingDate().atTime(startAt).atZone(SHANGHAI).toInstant();
      Clock clock =
          pace.asFastAsPossible
              ? null
              : new SimulatedClock(Clock.systemUTC(), simulatedStart, speed);
      Pacing pacing = clock == null ? Pacing.asFastAsPossible() : Pacing.onClock(clock);
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "generator-progress");
                t.setDaemon(true);
                return t;
              });
      DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
      try (ChangeLogPublisher publisher = ChangeLogPublisher.connect(bootstrap, pacing)) {
        PublishProgress p = publisher.progress();
        ticker.scheduleAtFixedRate(
            () -> {
              Instant now = clock != null ? clock.instant() : p.lastSendAt();
              out.printf(
                  "%s sent %d/%d %s%n",
                  now == null ? "--:--:--" : hms.format(now.atZone(SHANGHAI)),
                  p.sent(),
                  p.planned(),
                  p.sentPerTopic());
              out.flush();
            },
            progressEvery,
            progressEvery,
            TimeUnit.SECONDS);
        out.printf(
            "sending %d messages to %s %s%n",
            day.changeLog().size(),
            bootstrap,
            clock == null
                ? "as fast as possible"
                : "at " + speed + "x from " + hms.format(simulatedStart.atZone(SHANGHAI)));
        out.flush();
        publisher.publish(day.changeLog());
        out.println("change log sent: " + p);
      } finally {
        ticker.shutdownNow();
      }
    }

    private GeneratorSettings settings() {
      LocalDate day;
      try {
        day = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--date must be yyyymmdd: " + date);
      }
      int each = faults == null ? GeneratorSettings.DEFAULT_FAULTS : faults;
      try {
        return new GeneratorSettings(
            seed,
            day,
            customers,
            entriesPerCustomer,
            missing != null ? missing : each,
            wrongAmount != null ? wrongAmount : each,
            rolledBack != null ? rolledBack : each,
            goldenGateShare,
            malformed);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), optionOf(e.getMessage()) + ": " + e.getMessage());
      }
    }

    /** The option a settings message is about. */
    private static String optionOf(String message) {
      if (message.startsWith("tradingDate")) {
        return "--date";
      } else if (message.startsWith("customers")) {
        return "--customers";
      } else if (message.startsWith("entriesPerCustomer")) {
        return "--entries-per-customer";
      } else if (message.startsWith("goldenGateShare")) {
        return "--goldengate-share";
      } else if (message.startsWith("malformedMessages")) {
        return "--malformed";
      }
      return "--faults/--missing/--wrong-amount/--rolled-back";
    }

    /** The --kafka value, each item checked as host:port so a typo fails here, not in Kafka. */
    private String bootstrapOption() {
      try {
        for (String item : kafka.split(",", -1)) {
          HostPort.parse(item.trim());
        }
        return kafka;
      } catch (IllegalArgumentException | ConfigException e) {
        throw new ParameterException(
            spec.commandLine(), "--kafka must be host:port[,host:port...]: " + kafka);
      }
    }

    private LocalTime parseStart() {
      if (start == null) {
        return null;
      }
      try {
        return LocalTime.parse(start);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--start must be HH:mm: " + start);
      }
    }

    private DayEndWriter dayEndWriter(GeneratorConfig c) {
      if (dayEnd == null) {
        return null;
      }
      if (dayEnd.equals("jdbc")) {
        String url = jdbcUrl != null ? jdbcUrl : c.dbUrl().orElse(null);
        if (url == null) {
          throw new ParameterException(
              spec.commandLine(), "--day-end jdbc needs --jdbc-url (or db.url)");
        }
        return new JdbcDayEndWriter(
            url,
            jdbcUser != null ? jdbcUser : c.dbUser(),
            jdbcPassword != null ? jdbcPassword : c.dbPassword());
      }
      if (dayEnd.startsWith("csv:") && dayEnd.length() > 4) {
        return new CsvDayEndWriter(Path.of(dayEnd.substring(4)));
      }
      throw new ParameterException(
          spec.commandLine(), "--day-end must be jdbc or csv:<folder>: " + dayEnd);
    }
  }
}
