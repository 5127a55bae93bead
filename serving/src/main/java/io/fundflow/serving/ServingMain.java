package io.fundflow.serving;

import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.Settings;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.serving.config.ServingConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Entry point of the serving process: the traders' HTTP API and web page.
 *
 * <p>Run: {@code java -jar fundflow-serving.jar serve --config serving.properties
 * -Dhttp.port=8080}; keys in {@link ServingConfig}. {@code hash-password} prints a bcrypt hash for
 * the users file.
 */
@Command(
    name = "fundflow-serving",
    mixinStandardHelpOptions = true,
    description = "HTTP API and web page for traders' fund-flow queries.",
    subcommands = {
      ServingMain.Serve.class,
      ServingMain.HashPassword.class,
      ServingMain.Bench.class
    })
public final class ServingMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServingMain()).execute(args));
  }

  /** Reads the configuration of {@code --config} and {@code -D} overrides, printing problems. */
  static ServingConfig config(Path file, List<String> overrides) {
    Map<String, String> over = Settings.overridesFromArguments(overrides);
    Settings s =
        file == null
            ? Settings.of(Map.of(), "(no file)", System.getenv(), over)
            : Settings.load(file, System.getenv(), over);
    return ServingConfig.from(s);
  }

  /** The serving benchmark (issue 5): load detail rows, measure pages under concurrent clients. */
  @Command(
      name = "bench",
      description =
          "Load fund-flow rows through the real codecs into HBase, then measure p50/p99 of one-day"
              + " and 30-day pages of 100 rows for light and heavy customers with concurrent"
              + " clients. Uses the serve configuration (HBase, database, secrets); the users file"
              + " is its own.")
  static final class Bench implements Callable<Integer> {

    @Option(names = "--config", description = "properties file with the keys of ServingConfig")
    Path config;

    @Option(
        names = "--prefix",
        defaultValue = "BN",
        description = "client-id prefix of the data set")
    String prefix;

    @Option(names = "--customers", defaultValue = "100000")
    int customers;

    @Option(names = "--heavy-customers", defaultValue = "10")
    int heavyCustomers;

    @Option(names = "--heavy-rows", defaultValue = "150000")
    int heavyRows;

    @Option(names = "--light-rows", defaultValue = "85")
    int lightRows;

    @Option(names = "--days", defaultValue = "250", description = "trading days of data")
    int days;

    @Option(names = "--last-day", defaultValue = "2025-03-14")
    java.time.LocalDate lastDay;

    @Option(names = "--clients", defaultValue = "16")
    int clients;

    @Option(names = "--requests", defaultValue = "3200", description = "per scenario")
    int requests;

    @Option(
        names = "--skip-load",
        description = "reuse the rows of an earlier run with the same sizes")
    boolean skipLoad;

    @Parameters(description = "overrides -Dkey=value")
    List<String> overrides = List.of();

    @Override
    public Integer call() throws Exception {
      ServingConfig cfg;
      try {
        cfg = config(config, overrides);
      } catch (ConfigException e) {
        e.problems().forEach(p -> System.err.println("config: " + p));
        return 2;
      }
      var spec =
          new io.fundflow.serving.bench.ServingBenchmark.Spec(
              prefix,
              customers,
              heavyCustomers,
              heavyRows,
              lightRows,
              days,
              lastDay,
              clients,
              requests,
              !skipLoad);
      System.out.printf(
          "data set %s: %,d rows, %,d customers (%d heavy x %,d rows, light %d rows), %d days%n",
          prefix, spec.totalRowsForReport(), customers, heavyCustomers, heavyRows, lightRows, days);
      try (var hbase = io.fundflow.serving.bench.ServingBenchmark.connect(cfg)) {
        new io.fundflow.serving.bench.ServingBenchmark(spec).run(cfg, hbase, System.out);
      }
      return 0;
    }
  }

  /** Starts the server and runs until the process is stopped. */
  @Command(name = "serve", description = "Start the API and web page.")
  static final class Serve implements Callable<Integer> {

    @Option(names = "--config", description = "properties file with the keys of ServingConfig")
    Path config;

    @Parameters(description = "overrides -Dkey=value")
    List<String> overrides = List.of();

    @Override
    public Integer call() throws InterruptedException {
      ServingConfig cfg;
      try {
        cfg = config(config, overrides);
      } catch (ConfigException e) {
        e.problems().forEach(p -> System.err.println("config: " + p));
        return 2;
      }
      ServingServer server = ServingServer.start(cfg, Clock.systemUTC());
      System.out.println("fundflow-serving listening on " + cfg.httpHost() + ":" + server.port());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  }));
      stopped.await();
      return 0;
    }
  }

  /** Prints a bcrypt hash of a password read from standard input, for the users file. */
  @Command(
      name = "hash-password",
      description = "Read a password from stdin, print its bcrypt hash.")
  static final class HashPassword implements Callable<Integer> {

    @Option(names = "--cost", defaultValue = "12", description = "bcrypt cost, default 12")
    int cost;

    @Override
    public Integer call() throws java.io.IOException {
      String password =
          new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      System.out.println(UserDirectory.hash(password, cost));
      return 0;
    }
  }
}
