package io.fundflow.demo;

import io.fundflow.scheduler.calendar.TradingCalendar;
import io.fundflow.scheduler.calendar.TradingCalendarFiles;
import io.fundflow.scheduler.plan.MarketWindow;
import io.fundflow.stack.LocalStack;
import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./platform demo}: a simulated trading day end to end on the embedded local stack. */
@Command(
    name = "fundflow-demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a simulated trading day end to end: brings the local stack up (clean), generates the",
      "day's change log with faults, lets the scheduler start the stream jobs, stop them with a",
      "savepoint and launch the nightly correction on a simulated clock, then checks the planted",
      "faults through the traders' API and leaves the page up until Ctrl-C."
    },
    footer = {"", "Walkthrough and a recorded run: docs/demo.md."})
public final class DemoMain implements Callable<Integer> {

  private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

  @Option(names = "--speed", defaultValue = "300",
      description = "simulated seconds per real second (default ${DEFAULT-VALUE}: 08:30-20:00 in about 2.5 min)")
  double speed;

  @Option(names = "--customers", defaultValue = "200", description = "customers (default ${DEFAULT-VALUE})")
  int customers;

  @Option(names = "--seed", defaultValue = "42", description = "generator seed; the same seed replays the same day (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--date", description = "trading day yyyymmdd (default: the last trading day before today)")
  String date;

  @Option(names = "--home", defaultValue = ".fundflow", description = "the local stack's folder (default ${DEFAULT-VALUE}); its data is wiped first")
  Path home;

  @Option(names = "--port-offset", defaultValue = "0", description = "added to every port of the stack and the page (default ${DEFAULT-VALUE})")
  int portOffset;

  @Option(names = "--serving-port", description = "the traders' page port (default 8080 + port offset)")
  Integer servingPort;

  @Option(names = "--exit-when-done", description = "stop everything after the day instead of leaving the page up")
  boolean exitWhenDone;

  @Option(names = "--repo", defaultValue = ".", description = "the built fundflow checkout (default: the current folder)")
  Path repo;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DemoMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (!(speed >= 1) || speed > 100_000) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--speed must be between 1 and 100000: " + speed);
    }
    LocalDate day = tradingDay();
    StackSettings stackSettings =
        StackSettings.load(null, System.getenv(), Map.of("port.offset", Integer.toString(portOffset)));
    LocalStack stack = new LocalStack(new StackHome(home), stackSettings, new PrintWriter(out, true));
    out.println("== Local stack under " + home.toAbsolutePath() + " (starting clean)");
    stack.down(true);
    stack.up(EnumSet.allOf(Service.class));
    stack.bootstrap(EnumSet.allOf(Service.class));

    DemoSettings settings =
        new DemoSettings(
            day, speed, customers, seed,
            servingPort != null ? servingPort : 8080 + portOffset,
            home.resolve("demo").toAbsolutePath(),
            Duration.ofSeconds(2),
            Duration.ofMinutes(30));
    DemoDay demo = new DemoDay(stack.endpoints(), DemoLayout.of(repo), settings, out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println();
              out.println("== Stopping: the demo's processes and the local stack");
              demo.close();
              stack.stop(List.of(Service.values()));
              stopped.countDown();
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("== Simulated trading day " + day);
    DemoOutcome outcome = demo.run();
    new DemoReport(outcome, settings).print(out);
    if (exitWhenDone) {
      return outcome.allCorrected() ? 0 : 1;
    }
    out.println("The page stays up; Ctrl-C stops everything the demo started.");
    stopped.await();
    return 0;
  }

  private LocalDate tradingDay() {
    if (date != null) {
      return LocalDate.parse(date, YMD);
    }
    LocalDate today = LocalDate.now(MarketWindow.SHANGHAI);
    TradingCalendar calendar =
        TradingCalendarFiles.bundled(today.getYear() - 1, today.getYear(), today.getYear() + 1);
    return calendar.previousTradingDay(today);
  }
}
