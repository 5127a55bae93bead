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
import io.fundflow.batch.spark.BuildFlows;
import io.fundflow.batch.spark.CorrectSalt;
import io.fundflow.batch.spark.RecomputedFlows;
import io.fundflow.batch.spark.SaltPartitioner;
import io.fundflow.batch.spark.WriteSettings;
import io.fundflow.common.ads.AdvisoryBook;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.DayBucketManifest;
import io.fundflow.common.hbase.FundFlowRows;
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
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

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
      p.error = e instanceof SourceUnavailableException ? e.getMessage() : e.toString();
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
    Dataset<Row> journal;
    Dataset<Row> customers;
    Dataset<Row> channels;
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

    // recompute: DWD flows and the advisory book, with common's rules (the DWS summaries are built
    // from the flows salt by salt, below). Cached: counted and scanned for occur days, then shuffled.
    Dataset<Row> flows = recompute(journal, customers, channels).persist(config.flowsStorageLevel());
    // One pass over the cached flows: rows per occur day, where rejected rows have none.
    Set<LocalDate> occurDays = new TreeSet<>();
    for (Row r : flows.groupBy(RecomputedFlows.OCCUR_DAY).count().collectAsList()) {
      p.read += r.getLong(1);
      if (r.isNullAt(0)) {
        p.rejected = r.getLong(1);
      } else {
        occurDays.add(TradeDate.toLocalDate(r.getInt(0)));
      }
    }
    p.rejectedSample =
        p.rejected == 0
            ? List.of()
            : flows.where(functions.col(RecomputedFlows.REJECTED).isNotNull())
                .select(RecomputedFlows.REJECTED).limit(config.sampleSize())
                .as(Encoders.STRING()).collectAsList();
    AdvisoryBook book = new AdvisoryBook();
    p.advisoryRejected = AdsCorrection.fill(book, contracts.toLocalIterator(), orders.toLocalIterator());
    p.stage("read+recompute", t);
    out.printf("[recompute] journal rows %,d, rejected %,d, flows %,d; advisory rows rejected %,d%n",
        p.read, p.rejected, p.read - p.rejected, p.advisoryRejected);

    // The valid flows keyed by detail rowkey, in one shuffle: one partition per salt, sorted as
    // HBase sorts, so each task merges them with a scan of its salt's served rows.
    JavaPairRDD<byte[], byte[]> expected =
        flows.where(functions.col(RecomputedFlows.ROW_KEY).isNotNull())
            .select(RecomputedFlows.ROW_KEY, RecomputedFlows.FLOW)
            .javaRDD()
            .mapToPair(r -> new Tuple2<>((byte[]) r.get(0), (byte[]) r.get(1)))
            .repartitionAndSortWithinPartitions(new SaltPartitioner(), SaltPartitioner.ROW_KEY_ORDER);

    // diff + correct the details (the manifest's buckets, the day's and the source's occur days)
    // and the day's summaries, salt by salt.
    t = System.currentTimeMillis();
    List<LocalDate> days;
    try (Connection connection = ConnectionFactory.createConnection(hbase.toConfiguration())) {
      Set<LocalDate> manifest = manifestDays(connection, day);
      days = List.copyOf(DayBucketManifest.daysToScan(day, manifest, occurDays));
      p.daysScanned = days.stream().map(TradeDate::of).toList();
      if (!req.dryRun()) {
        // Manifest first, as the stream does: a later run finds these buckets even if this one dies.
        writeManifest(connection, day, occurDays, manifest, version);
      }
    }
    WriteSettings writes =
        new WriteSettings(hbase, version, req.dryRun(), config.sampleSize(), config.hbaseWriteBufferBytes());
    // SaltPartitioner makes the partition index the salt.
    List<CorrectSalt.Outcome> parts =
        expected.mapPartitionsWithIndex(new CorrectSalt(day, days, writes), false).collect();
    for (CorrectSalt.Outcome part : parts) {
      p.details = p.details.plus(part.details(), config.sampleSize());
      p.summaries = p.summaries.plus(part.summaries(), config.sampleSize());
    }
    p.stage("details+summaries", t);
    out.printf("[details] buckets %s: %s%n", p.daysScanned, describe(p.details));
    out.printf("[summaries] %s%n", describe(p.summaries));

    t = System.currentTimeMillis();
    p.ads = new AdsCorrection(config.database(), config.sampleSize()).correct(book, day, req.dryRun(), startedAt);
    p.stage("ads", t);
    out.printf("[ads] %s%n", describe(p.ads));
    flows.unpersist();
  }

  private Dataset<Row> recompute(Dataset<Row> journal, Dataset<Row> customers, Dataset<Row> channels) {
    Dataset<Row> j =
        journal.select(
            functions.struct(all(journal)).as("j"),
            functions.trim(journal.col("CLIENT_ID")).as("J_CLIENT"),
            functions.trim(journal.col("CHANNEL")).as("J_CHANNEL"));
    Dataset<Row> c =
        customers.select(functions.trim(customers.col("CLIENT_ID")).as("C_CLIENT"), functions.struct(all(customers)).as("c"))
            .dropDuplicates("C_CLIENT");
    Dataset<Row> ch =
        channels.select(functions.trim(channels.col("CHANNEL_CODE")).as("CH_CODE"), functions.struct(all(channels)).as("ch"))
            .dropDuplicates("CH_CODE");
    Dataset<Row> joined =
        j.join(c, j.col("J_CLIENT").equalTo(c.col("C_CLIENT")), "left")
            .join(functions.broadcast(ch), functions.col("J_CHANNEL").equalTo(ch.col("CH_CODE")), "left")
            .select("j", "c", "ch");
    return joined.map(new BuildFlows(), Encoders.row(RecomputedFlows.SCHEMA));
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

  private static void writeManifest(
      Connection connection, int day, Set<LocalDate> occurDays, Set<LocalDate> recorded, long version)
      throws Exception {
    List<Put> puts = new ArrayList<>();
    for (LocalDate d : occurDays) {
      if (!recorded.contains(d)) {
        puts.add((Put) HBaseMutations.toHBase(FundFlowRows.manifest(day, d, version)));
      }
    }
    if (!puts.isEmpty()) {
      try (Table t = connection.getTable(HBaseMutations.tableName(HBaseLayout.DAY_BUCKET_TABLE))) {
        t.put(puts);
      }
    }
  }

  private static Column[] all(Dataset<Row> df) {
    return java.util.Arrays.stream(df.columns()).map(df::col).toArray(Column[]::new);
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
    List<String> rejectedSample = List.of();
    List<Integer> daysScanned = List.of();
    TableOutcome details = TableOutcome.EMPTY;
    TableOutcome summaries = TableOutcome.EMPTY;
    TableOutcome ads = TableOutcome.EMPTY;

    Progress(Request req, Instant startedAt) {
      this.req = req;
      this.startedAt = startedAt;
    }

    void stage(String name, long startMillis) {
      stages.add(new CorrectionReport.StageTime(name, System.currentTimeMillis() - startMillis));
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
