package io.fundflow.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.config.Settings;
import io.fundflow.scheduler.plan.StreamJob;
import io.fundflow.scheduler.quartz.QuartzScheduling;
import io.fundflow.scheduler.service.SchedulerConfig;
import io.fundflow.scheduler.service.SchedulerRuntime;
import io.fundflow.scheduler.service.SchedulerServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.quartz.Scheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Entry point of the scheduler: the Quartz service ({@code run}) and the operators' commands. */
@Command(
    name = "fundflow-scheduler",
    mixinStandardHelpOptions = true,
    description = "Quartz service that drives the stream jobs and the nightly correction.",
    subcommands = {
      SchedulerMain.Run.class,
      SchedulerMain.Status.class,
      SchedulerMain.Start.class,
      SchedulerMain.Stop.class,
      SchedulerMain.Correct.class,
      SchedulerMain.Skip.class
    },
    footer = "%nConfiguration keys: docs/scheduler.md.")
public final class SchedulerMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SchedulerMain()).execute(args));
  }

  /** Options every command shares. */
  static class Common {
    @Option(names = "--config", description = "properties file")
    Path config;

    @Parameters(description = "-Dkey=value overrides", arity = "0..*")
    List<String> overrides = new ArrayList<>();

    SchedulerConfig config(List<String> extra) {
      List<String> all = new ArrayList<>(overrides);
      all.removeAll(extra);
      Map<String, String> o = Settings.overridesFromArguments(all);
      Settings s =
          config == null
              ? Settings.of(Map.of(), "(no file)", System.getenv(), o)
              : Settings.load(config, System.getenv(), o);
      return SchedulerConfig.from(s);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the clustered Quartz service and the REST endpoints.")
  static final class Run extends Common implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      SchedulerConfig cfg = config(List.of());
      try (SchedulerServer server = SchedulerServer.start(cfg, Clock.systemUTC())) {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(done::countDown));
        System.out.println(
            "scheduler running" + server.port().map(p -> " on port " + p).orElse(""));
        done.await();
      }
      return 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Print each job's desired and actual state, restore point, last correction.")
  static final class Status extends Common implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      SchedulerConfig cfg = config(List.of());
      try (SchedulerRuntime rt = new SchedulerRuntime(cfg, Clock.systemUTC())) {
        // A Quartz scheduler on the same store, never started: it only reads the triggers.
        Scheduler q =
            QuartzScheduling.create(
                QuartzScheduling.properties(
                    "fundflow-scheduler", "AUTO", cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(),
                    cfg.quartzDelegate(), cfg.clusterCheckinMs()),
                rt.service());
        try {
          System.out.println(
              JSON.writerWithDefaultPrettyPrinter()
                  .writeValueAsString(rt.service().status(QuartzScheduling.nextFireTimes(q))));
        } finally {
          q.shutdown(false);
        }
      }
      return 0;
    }
  }

  @Command(name = "start", mixinStandardHelpOptions = true, description = "Lift a manual stop and start the job (inside the window).")
  static final class Start extends Common implements Callable<Integer> {
    @Option(names = "--job", required = true, description = "fund-flow or advisory")
    String job;

    @Override
    public Integer call() {
      try (SchedulerRuntime rt = new SchedulerRuntime(config(List.of()), Clock.systemUTC())) {
        rt.service().manualStart(StreamJob.of(job)).forEach(System.out::println);
      }
      return 0;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the job with a savepoint for the rest of today's session.")
  static final class Stop extends Common implements Callable<Integer> {
    @Option(names = "--job", required = true, description = "fund-flow or advisory")
    String job;

    @Override
    public Integer call() {
      try (SchedulerRuntime rt = new SchedulerRuntime(config(List.of()), Clock.systemUTC())) {
        System.out.println(rt.service().manualStop(StreamJob.of(job)));
      }
      return 0;
    }
  }

  @Command(name = "correct", mixinStandardHelpOptions = true, description = "Run the correction of a day now (retry once, alert on failure).")
  static final class Correct extends Common implements Callable<Integer> {
    @Option(names = "--date", required = true, description = "yyyymmdd")
    String date;

    @Override
    public Integer call() {
      try (SchedulerRuntime rt = new SchedulerRuntime(config(List.of()), Clock.systemUTC())) {
        return rt.service().correct(LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE)) ? 0 : 1;
      }
    }
  }

  @Command(name = "skip", mixinStandardHelpOptions = true, description = "Take a trading day out: no stream job, no correction.")
  static final class Skip extends Common implements Callable<Integer> {
    @Option(names = "--date", required = true, description = "yyyymmdd")
    String date;

    @Option(
        names = "--reason",
        defaultValue = "CLI",
        description = "why the day is skipped, recorded with it (default ${DEFAULT-VALUE})")
    String reason;

    @Override
    public Integer call() {
      try (SchedulerRuntime rt = new SchedulerRuntime(config(List.of()), Clock.systemUTC())) {
        System.out.println(rt.service().skip(LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE), reason));
      }
      return 0;
    }
  }
}
