package io.fundflow.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fundflow.batch.report.BatchRunLog;
import io.fundflow.batch.report.CorrectionReport;
import io.fundflow.batch.report.ReportText;
import io.fundflow.batch.report.TableOutcome;
import io.fundflow.batch.source.AuthoritativeSource;
import io.fundflow.batch.source.CsvSource;
import io.fundflow.batch.source.JdbcSource;
import io.fundflow.batch.source.SourceSpec;
import io.fundflow.batch.source.SourceUnavailableException;
import io.fundflow.batch.source.TextTable;
import io.fundflow.batch.spark.BuildFlows;
import io.fundflow.batch.spark.BuildShuffle;
import io.fundflow.batch.spark.CorrectSalt;
import io.fundflow.batch.spark.DimensionJoin;
import io.fundflow.batch.spark.MapStageClock;
import io.fundflow.batch.spark.SaltShuffle;
import io.fundflow.batch.spark.WriteSettings;
import io.fundflow.common.ads.AdvisoryBook;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.DayBucketManifest;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.reconcile.DiffCounts;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The nightly correction of one trading day, stage by stage: read the authoritative data, recompute
 * DWD/DWS/ADS with common's rules, compare with what HBase and the ADS table serve (only that day's
 * rows), correct at {@link CellVersion#correction} so no stream write can undo it, and report.
 *
 * <p>Every write is idempotent and the whole day is recomputed on each run, so a run that fails
 * half-way is repaired by the next one. The source is read and recomputed completely before the
 * first write, so a missing or unreadable source changes nothing.
 */
public final class CorrectionJob {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BatchConfig config;
  private final HBaseClientSettings hbase;
  private final PrintStream out;

  public CorrectionJob(BatchConfig config, PrintStream out) {
    this.config = config;
    this.hbase = HBaseClientSettings.bootstrapServers(config.hbaseBootstrapServers());
    this.out = out;
  }

  /** What to correct and how. */
  public record Request(
      int tradeDate, SourceSpec source, boolean dryRun, String runId, Path reportFile) {}

  /**
   * Runs the correction and records it (BATCH_RUN row, JSON report); never throws for a failed run,
   * whose report says FAILED with the error.
   *
   * @throws Exception only when the run cannot even be recorded (the database is unreachable)
   */
  public CorrectionReport run(SparkSession spark, Request req) throws Exception {
    Instant startedAt = Instant.now();
    long version = CellVersion.correction(startedAt.toEpochMilli());
    BatchRunLog runLog = new BatchRunLog(config.database());
    runLog.start(req.runId(), req.tradeDate(), startedAt);
    Progress p = new Progress(req, startedAt);
    try {
      stages(spark, req, version, startedAt, p);
      p.status = BatchRunLog.SUCCEEDED;
    } catch (Exception e) {
      p.status = BatchRunLog.FAILED;
      p.error = errorText(e);
      out.println("[error] " + p.error);
    }
    CorrectionReport report = p.report(Instant.now());
    runLog.finish(report);
    Path file = req.reportFile();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, JSON.writeValueAsString(report), StandardCharsets.UTF_8);
    ReportText.print(report, out);
    out.println("   report " + file.toAbsolutePath());
    return report;
  }

  private void stages(SparkSession spark, Request req, long version, Instant startedAt, Progress p)
      throws Exception {
    int day = req.tradeDate();

    // read: every table resolved (and so checked) before anything is computed or written.
    long t = System.currentTimeMillis();
    AuthoritativeSource src = source(spark, req.source());
    TextTable journal;
    TextTable customers;
    TextTable channels;
    Dataset<Row> contracts;
    Dataset<Row> orders;
    try {
      journal = src.journal(day);
      customers = src.customers(day);
      channels = src.channels();
      contracts = src.contracts(day);
      orders = src.orders(day);
    } catch (SourceUnavailableException e) {
      throw e;
    } catch (Exception e) {
      throw new SourceUnavailableException(
          "source " + req.source() + " cannot be read: " + e.getMessage(), e);
    }
    out.printf("[read] source %s resolved%n", req.source());
    AdvisoryBook book = new AdvisoryBook();
    p.advisoryRejected = AdsCorrection.fill(book, contracts.toLocalIterator(), orders.toLocalIterator());
    Set<LocalDate> manifest;
    try (Connection connection = ConnectionFactory.createConnection(hbase.toConfiguration())) {
      manifest = manifestDays(connection, day);
    }

    // One Spark job. Its map side reads the journal, recomputes each entry's DWD flow with common's
    // rules and shuffles it by salt, sorted as HBase sorts; every task then holds one salt's flows
    // and merges them with a scan of that salt's served rows: diff, correct, summaries. Spark runs
    // no task of the second stage before the first has finished, so a source that fails to read
    // or recompute fails the job before anything is written.
    LongAccumulator journalRows = spark.sparkContext().longAccumulator("journal rows");
    LongAccumulator rejectedRows = spark.sparkContext().longAccumulator("rejected rows");
    DimensionJoin join =
        new DimensionJoin(JavaSparkContext.fromSparkContext(spark.sparkContext()), config.broadcastMaxCustomers());
    JavaPairRDD<byte[], byte[]> expected =
        SaltShuffle.bySalt(
            join.join(journal, customers, channels)
                .mapPartitionsToPair(
                    new BuildShuffle(new BuildFlows(journal.columns()), journalRows, rejectedRows)));
    WriteSettings writes =
        new WriteSettings(hbase, version, req.dryRun(), config.sampleSize(), config.hbaseWriteBufferBytes());
    MapStageClock recomputed =
        new MapStageClock(
            expected,
            () ->
                out.printf(
                    "[recompute] journal rows %,d, rejected %,d; diffing and correcting %d salts ...%n",
                    journalRows.value(), rejectedRows.value(), HBaseLayout.SALT_BUCKETS));
    List<CorrectSalt.Outcome> parts;
    long end;
    long split;
    spark.sparkContext().addSparkListener(recomputed);
    try {
      // SaltPartitioner makes the partition index the salt.
      parts =
          expected
              .mapPartitionsWithIndex(new CorrectSalt(day, List.copyOf(manifest), writes), false)
              .collect();
      end = System.currentTimeMillis();
      split = Math.max(t, Math.min(end, recomputed.completedAtMillis(end)));
    } finally {
      spark.sparkContext().removeSparkListener(recomputed);
    }
    p.stageMillis("read+recompute", split - t);
    p.stageMillis("details+summaries", end - split);

    Set<LocalDate> occurDays = new TreeSet<>();
    for (CorrectSalt.Outcome part : parts) {
      p.details = p.details.plus(part.details(), config.sampleSize());
      p.summaries = p.summaries.plus(part.summaries(), config.sampleSize());
      p.rejected += part.rejected();
      for (String why : part.rejectedSample()) {
        if (p.rejectedSample.size() < config.sampleSize()) {
          p.rejectedSample.add(why);
        }
      }
      occurDays.addAll(part.occurDays());
    }
    p.read = p.details.counts().expected() + p.rejected;
    p.daysScanned =
        DayBucketManifest.daysToScan(day, manifest, occurDays).stream().map(TradeDate::of).toList();
    out.printf("[recompute] journal rows %,d, rejected %,d, flows %,d; advisory rows rejected %,d%n",
        p.read, p.rejected, p.read - p.rejected, p.advisoryRejected);
    out.printf("[details] buckets %s: %s%n", p.daysScanned, describe(p.details));
    out.printf("[summaries] %s%n", describe(p.summaries));

    t = System.currentTimeMillis();
    p.ads = new AdsCorrection(config.database(), config.sampleSize()).correct(book, day, req.dryRun(), startedAt);
    p.stage("ads", t);
    out.printf("[ads] %s%n", describe(p.ads));
  }

  private AuthoritativeSource source(SparkSession spark, SourceSpec spec) {
    return spec.isCsv()
        ? new CsvSource(spark, spec.folder())
        : new JdbcSource(spark, config.database(), config.jdbcPartitions());
  }

  private static Set<LocalDate> manifestDays(Connection connection, int day) throws Exception {
    Set<LocalDate> days = new TreeSet<>();
    try (Table t = connection.getTable(HBaseMutations.tableName(HBaseLayout.DAY_BUCKET_TABLE))) {
      Result r = t.get(new Get(DayBucketManifest.rowKey(day)));
      if (!r.isEmpty()) {
        r.getFamilyMap(HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8))
            .keySet()
            .forEach(q -> days.add(DayBucketManifest.occurDay(new String(q, StandardCharsets.UTF_8))));
      }
    }
    return days;
  }

  /** A source problem's own message, even from inside a failed Spark task; otherwise the error. */
  private static String errorText(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SourceUnavailableException) {
        return t.getMessage();
      }
    }
    return e.toString();
  }

  private static String describe(TableOutcome o) {
    DiffCounts c = o.counts();
    return String.format("matched %,d, missing %,d, extra %,d, different %,d; writes %,d",
        c.matched(), c.missing(), c.extra(), c.different(), o.writes());
  }

  /** What the run has found so far, turned into the report at the end, even after a failure. */
  private static final class Progress {
    private final Request req;
    private final Instant startedAt;
    private final List<CorrectionReport.StageTime> stages = new ArrayList<>();
    String status = BatchRunLog.RUNNING;
    String error;
    long read;
    long rejected;
    long advisoryRejected;
    final List<String> rejectedSample = new ArrayList<>();
    List<Integer> daysScanned = List.of();
    TableOutcome details = TableOutcome.EMPTY;
    TableOutcome summaries = TableOutcome.EMPTY;
    TableOutcome ads = TableOutcome.EMPTY;

    Progress(Request req, Instant startedAt) {
      this.req = req;
      this.startedAt = startedAt;
    }

    void stage(String name, long startMillis) {
      stageMillis(name, System.currentTimeMillis() - startMillis);
    }

    void stageMillis(String name, long millis) {
      stages.add(new CorrectionReport.StageTime(name, millis));
    }

    CorrectionReport report(Instant endedAt) {
      List<io.fundflow.batch.report.DiffSample> samples = new ArrayList<>();
      samples.addAll(details.samples());
      samples.addAll(summaries.samples());
      samples.addAll(ads.samples());
      return new CorrectionReport(
          req.runId(), req.tradeDate(), req.source().toString(), req.dryRun(), status, error,
          startedAt.toString(), endedAt.toString(), endedAt.toEpochMilli() - startedAt.toEpochMilli(),
          stages, read, rejected, rejectedSample, daysScanned, counts(details), counts(summaries),
          counts(ads), advisoryRejected, samples);
    }

    private static CorrectionReport.Counts counts(TableOutcome o) {
      DiffCounts c = o.counts();
      return new CorrectionReport.Counts(
          c.expected(), c.served(), c.matched(), c.missing(), c.different(), c.extra(), o.writes());
    }
  }
}
