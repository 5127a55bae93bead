package io.fundflow.batch;

import io.fundflow.batch.report.BatchRunLog;
import io.fundflow.batch.report.CorrectionReport;
import io.fundflow.batch.source.SourceSpec;
import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the batch layer. Runs with plain {@code java} (Spark {@code local[*]}) or as the
 * main class under {@code spark-submit}.
 *
 * <pre>
 *   fundflow-batch correct --date 20261119 --source csv:/data/eod/20261119 --config conf/batch.properties
 * </pre>
 *
 * Exit codes: 0 the run succeeded, 1 the run failed (see its report and BATCH_RUN row), 2 bad
 * arguments or configuration.
 */
@Command(
    name = "fundflow-batch",
    mixinStandardHelpOptions = true,
    description = "Spark jobs of the batch layer.",
    subcommands = {BatchMain.CorrectCommand.class})
public final class BatchMain implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    // Through the command line's own writer, so callers (and tests) that redirect it see the usage.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BatchMain()).execute(args));
  }

  /** Prefix of the configuration keys passed as Spark properties, e.g. under spark-submit. */
  static final String SPARK_CONF_PREFIX = "spark.fundflow.";

  /**
   * The configuration keys among Spark properties: {@code spark.fundflow.db.url=...} is {@code
   * db.url=...}.
   */
  static Map<String, String> sparkConfKeys(Properties properties) {
    Map<String, String> keys = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(SPARK_CONF_PREFIX) && name.length() > SPARK_CONF_PREFIX.length()) {
        keys.put(name.substring(SPARK_CONF_PREFIX.length()), properties.getProperty(name));
      }
    }
    return keys;
  }

  /** {@code correct}: recompute one trading day and correct HBase and ADS. */
  @Command(
      name = "correct",
      mixinStandardHelpOptions = true,
      description =
          "Recompute a trading day from the authoritative day-end data and correct the HBase detail"
              + " and summary rows and the ADS_ADVISORY_DAILY rows of that day.")
  static final class CorrectCommand implements Callable<Integer> {

    @Option(names = "--date", required = true, paramLabel = "yyyymmdd", description = "Trading day (INIT_DATE).")
    String date;

    @Option(
        names = "--source",
        defaultValue = "jdbc",
        paramLabel = "jdbc|csv:<folder>",
        description = "Authoritative data: the database's tables, or a folder of <TABLE>.csv files. Default ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--dry-run", description = "Compare and report only: no write to HBase or ADS (BATCH_RUN still records the run).")
    boolean dryRun;

    @Option(names = "--run-id", paramLabel = "ID", description = "BATCH_RUN id; default correct-<date>-<start millis>.")
    String runId;

    @Option(names = "--report", paramLabel = "FILE", description = "JSON report path; default <batch.report.dir>/<run id>.json.")
    Path report;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file; FUNDFLOW_* environment variables, spark.fundflow.<key> Spark properties (spark-submit --conf) and -D options override it, in that order.")
    Path config;

    @Option(names = "-D", paramLabel = "key=value", description = "Override one configuration key, e.g. -Dspark.master=local[2].")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
      BatchConfig c;
      CorrectionJob.Request req;
      try {
        // spark-submit's --conf spark.fundflow.<key>=value reaches the driver as a system property
        // (client and cluster mode alike); it overrides file and environment, -D overrides it.
        Map<String, String> explicit = new LinkedHashMap<>(sparkConfKeys(System.getProperties()));
        explicit.putAll(overrides);
        Settings settings =
            config == null
                ? Settings.of(Map.of(), "(no file)", System.getenv(), explicit)
                : Settings.load(config, System.getenv(), explicit);
        c = BatchConfig.from(settings);
        int day = TradeDate.parse(date);
        String id = runId != null ? runId : "correct-" + day + "-" + Instant.now().toEpochMilli();
        req =
            new CorrectionJob.Request(
                day, SourceSpec.parse(source), dryRun, id,
                report != null ? report : c.reportDir().resolve(id + ".json"));
      } catch (ConfigException | IllegalArgumentException e) {
        System.err.println("fundflow-batch: " + e.getMessage());
        return 2;
      }
      SparkSession spark = SparkSessions.create(c);
      try {
        CorrectionReport r = new CorrectionJob(c, System.out).run(spark, req);
        return BatchRunLog.SUCCEEDED.equals(r.status()) ? 0 : 1;
      } finally {
        spark.stop();
      }
    }
  }
}
