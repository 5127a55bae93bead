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
    System.exit(
        new CommandLine(new ServingMain())
            // -Dkey=value overrides are parameters, not unknown options
            .setUnmatchedOptionsArePositionalParams(true)
            .execute(args));
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
      mixinStandardHelpOptions = true,
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

    @Option(
        names = "--customers",
        defaultValue = "100000",
        description = "customers in the data set, heavy ones included (default ${DEFAULT-VALUE})")
    int customers;

    @Option(
        names = "--heavy-customers",
        defaultValue = "10",
        description = "customers with --heavy-rows rows each (default ${DEFAULT-VALUE})")
    int heavyCustomers;

    @Option(
        names = "--heavy-rows",
        defaultValue = "150000",
        description = "rows of each heavy customer (default ${DEFAULT-VALUE})")
    int heavyRows;

    @Option(
        names = "--light-rows",
        defaultValue = "86",
        description =
            "rows of each light customer (default ${DEFAULT-VALUE}: with the other defaults,"
                + " 10,099,140 rows, over the issue's 10 million)")
    int lightRows;

    @Option(names = "--days", defaultValue = "250", description = "trading days of data")
    int days;

    @Option(
        names = "--last-day",
        defaultValue = "2025-03-14",
        description = "newest day of the data set, yyyy-MM-dd (default ${DEFAULT-VALUE})")
    java.time.LocalDate lastDay;

    @Option(
        names = "--clients",
        defaultValue = "16",
        description = "concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--requests", defaultValue = "3200", description = "per scenario")
    int requests;

    @Option(
        names = "--skip-load",
        description = "reuse the rows of an earlier run with the same sizes")
    boolean skipLoad;

    @Option(
        names = "--major-compact",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "major-compact the table before measuring, as a served table's older days are"
                + " (default ${DEFAULT-VALUE}; --no-major-compact measures the files a load leaves,"
                + " or skips rewriting a table an earlier run compacted)")
    boolean majorCompact;

    @Option(
        names = "--prime-block-cache",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "read the whole table once before measuring, so that HBase's block cache holds what"
                + " of it fits whatever ran before (default ${DEFAULT-VALUE};"
                + " --no-prime-block-cache measures the cache as found)")
    boolean primeBlockCache;

    @Option(
        names = "--warm-up-passes",
        defaultValue = "10",
        description =
            "at most this many rounds of every scenario before the first measured one, stopping"
                + " once the JIT compilers spent under 3% of a pass compiling, so that pages"
                + " are measured as a long-running server answers them (default ${DEFAULT-VALUE})")
    int warmUpPasses;

    @Option(
        names = "--server-pid",
        paramLabel = "NAME=PID",
        description =
            "a local server's process (e.g. hbase=1234, db=1235), whose CPU per page is reported"
                + " beside this JVM's; `java -jar <stack launcher> status` lists them")
    java.util.Map<String, Long> serverPids = new java.util.TreeMap<>();

    @Parameters(description = "overrides -Dkey=value")
    List<String> overrides = List.of();

    @Override
    public Integer call() throws Exception {
      ServingConfig cfg;
      // The benchmark writes its own users file; the serve configuration's is not needed.
      Path placeholder = java.nio.file.Files.createTempFile("fundflow-bench-placeholder", ".txt");
      try {
        List<String> withUsers = new java.util.ArrayList<>(overrides);
        withUsers.add("-Dserving.users.file=" + placeholder);
        cfg = config(config, withUsers);
      } catch (ConfigException e) {
        e.problems().forEach(p -> System.err.println("config: " + p));
        return 2;
      } finally {
        java.nio.file.Files.deleteIfExists(placeholder);
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
              !skipLoad,
              majorCompact,
              primeBlockCache,
              warmUpPasses);
      System.out.printf(
          "data set %s: %,d rows, %,d customers (%d heavy x %,d rows, light %d rows), %d days%n",
          prefix, spec.totalRowsForReport(), customers, heavyCustomers, heavyRows, lightRows, days);
      try (var hbase = io.fundflow.serving.bench.ServingBenchmark.connect(cfg)) {
        new io.fundflow.serving.bench.ServingBenchmark(spec, serverPids).run(cfg, hbase, System.out);
      }
      return 0;
    }
  }

  /** Starts the server and runs until the process is stopped. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description =
          "Start the API and web page. Prints one line 'fundflow-serving ready at <url>' when it"
              + " listens; stops (writing the queued audit rows first) on SIGTERM or Ctrl-C.",
      footer = {
        "",
        "Configuration: --config FILE (properties), overridden by FUNDFLOW_<KEY> environment"
            + " variables, overridden by -Dkey=value. Keys:",
        "  http.host, http.port              listen address (127.0.0.1, 8080; 0 = any free port)",
        "  hbase.bootstrap.servers           HBase master RPC host:port,... (no ZooKeeper), or",
        "  hbase.zookeeper.quorum            ZooKeeper hosts, with",
        "  hbase.zookeeper.property.clientPort  its port (2181)",
        "  db.url, db.user, db.password      platform database (JDBC; db.user fundflow)",
        "  serving.users.file                users, bcrypt hashes, granted branches",
        "  serving.jwt.secret                token HMAC key, >= 32 bytes",
        "  serving.cursor.secret             page-cursor HMAC key, >= 32 bytes",
        "  serving.jwt.issuer, serving.token.ttl, serving.max-range, serving.db.pool-size,",
        "  serving.audit.queue-size, serving.audit.batch-size, serving.audit.refuse-when-full,",
        "  serving.branch-cache.size, serving.branch-cache.ttl   (see docs/serving.md)",
        "",
        "Exit codes: 0 stopped, 1 failed to start, 2 bad configuration (the message names the key)."
      })
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
      ServingServer server;
      try {
        server = ServingServer.start(cfg, Clock.systemUTC());
      } catch (ConfigException e) {
        // e.g. a malformed line of the users file
        e.problems().forEach(p -> System.err.println("config: serving.users.file: " + p));
        return 2;
      } catch (RuntimeException e) {
        System.err.println("fundflow-serving failed to start: " + e.getMessage());
        return 1;
      }
      String host = cfg.httpHost().contains(":") ? "[" + cfg.httpHost() + "]" : cfg.httpHost();
      System.out.println("fundflow-serving ready at http://" + host + ":" + server.port() + "/");
      System.out.flush();
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
      mixinStandardHelpOptions = true,
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
