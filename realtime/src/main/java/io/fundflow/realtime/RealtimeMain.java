package io.fundflow.realtime;

import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.Settings;
import io.fundflow.realtime.job.AdvisoryJob;
import io.fundflow.realtime.job.FundFlowJob;
import io.fundflow.realtime.job.RealtimeConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the realtime jobs. Submitted to a Flink cluster as the shaded jar's main class (the
 * scheduler does it through the REST API) or run locally for development.
 *
 * <pre>
 *   fundflow-realtime fund-flow --config conf/fundflow.properties -Drealtime.parallelism=4
 * </pre>
 */
@Command(
    name = "fundflow-realtime",
    mixinStandardHelpOptions = true,
    description = "Flink jobs that build DWD and DWS from the ODS change log.",
    subcommands = {RealtimeMain.FundFlowCommand.class, RealtimeMain.AdvisoryCommand.class})
public final class RealtimeMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) throws Exception {
    // A job that fails to build or submit throws out of main, so that Flink's REST answer to the
    // submission names the cause; an exit inside the JobManager shows only "attempted to exit JVM".
    // (picocli prints and swallows an exception its handler rethrows, so it is kept and thrown here.)
    AtomicReference<Exception> failure = new AtomicReference<>();
    int code =
        new CommandLine(new RealtimeMain())
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  failure.set(e);
                  return 1;
                })
            .execute(args);
    if (failure.get() != null) {
      throw failure.get();
    }
    // Submitted through Flink's REST API, main runs inside the JobManager after a detached submit:
    // exiting there would take the whole cluster down. Only a bad command line, or a bad
    // configuration outside Flink, needs an exit code.
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Options every job command takes: where its configuration comes from. */
  static final class ConfigOptions {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "Properties file; FUNDFLOW_* environment variables and -D options override it.")
    Path file;

    @Option(
        names = "-D",
        paramLabel = "key=value",
        description = "Override one configuration key, e.g. -Drealtime.parallelism=4.")
    Map<String, String> overrides = new LinkedHashMap<>();

    RealtimeConfig load() {
      Settings settings =
          file == null
              ? Settings.of(Map.of(), "(no file)", System.getenv(), overrides)
              : Settings.load(file, System.getenv(), overrides);
      return RealtimeConfig.from(settings);
    }
  }

  /** Loads the configuration and runs a job; a bad configuration exits 2 with every problem named. */
  static int runJob(ConfigOptions options, JobRunner job) throws Exception {
    RealtimeConfig c;
    try {
      c = options.load();
      job.validate(c);
    } catch (ConfigException e) {
      String message = "fundflow-realtime: bad configuration: " + e.getMessage();
      if (runByFlink()) {
        // Flink refuses an exit there and reports only "attempted to exit JVM"; an exception
        // carries the message into its answer to the submission (and the scheduler's alert).
        throw new IllegalArgumentException(message, e);
      }
      System.err.println(message);
      return 2;
    }
    job.run(c);
    return 0;
  }

  /**
   * True when a Flink client or cluster runs this main (REST submission, {@code flink run}): it
   * installs a context environment; a plain {@code java} run gets a local one.
   */
  static boolean runByFlink() {
    return !(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment);
  }

  /** A job as the commands see it. */
  interface JobRunner {
    /** Checks what only this job needs, before anything starts. */
    default void validate(RealtimeConfig c) {}

    void run(RealtimeConfig c) throws Exception;
  }

  @Command(
      name = "advisory",
      mixinStandardHelpOptions = true,
      description =
          "ODS advisory contracts and orders -> ADS_ADVISORY_DAILY (SOURCE=STREAM) in the platform"
              + " database and dwd.advisory_event; rejects to dlq.ods / dlq.dwd.")
  static final class AdvisoryCommand implements Callable<Integer> {
    @CommandLine.Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
      return runJob(
          config,
          new JobRunner() {
            @Override
            public void validate(RealtimeConfig c) {
              c.requireDbUrl();
            }

            @Override
            public void run(RealtimeConfig c) throws Exception {
              AdvisoryJob.run(c);
            }
          });
    }
  }

  @Command(
      name = "fund-flow",
      mixinStandardHelpOptions = true,
      description =
          "ODS fund journal, customers and channels -> DWD fund flows and DWS customer-day summaries"
              + " in HBase and Kafka; rejects to dlq.ods / dlq.dwd.")
  static final class FundFlowCommand implements Callable<Integer> {
    @CommandLine.Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
      return runJob(config, FundFlowJob::run);
    }
  }
}
