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
    subcommands = {ServingMain.Serve.class, ServingMain.HashPassword.class})
public final class ServingMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServingMain()).execute(args));
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
        Map<String, String> over = Settings.overridesFromArguments(overrides);
        Settings s =
            config == null
                ? Settings.of(Map.of(), "(no file)", System.getenv(), over)
                : Settings.load(config, System.getenv(), over);
        cfg = ServingConfig.from(s);
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
  @Command(name = "hash-password", description = "Read a password from stdin, print its bcrypt hash.")
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
