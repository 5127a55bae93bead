package io.fundflow.batch.bench;

import io.fundflow.batch.BatchConfig;
import io.fundflow.batch.CorrectionJob;
import io.fundflow.batch.SparkSessions;
import io.fundflow.batch.TradeDate;
import io.fundflow.batch.report.CorrectionReport;
import io.fundflow.batch.source.SourceSpec;
import io.fundflow.common.bench.CpuMeter;
import io.fundflow.common.config.Settings;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.KeyRange;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.hbase.TablesAtRest;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The correction benchmark of issue 6: a day of {@code --entries} journal entries over {@code
 * --background} rows of other days already in HBase, with 1% of the day's entries missing, 1% extra
 * and 1% wrong as the stream left them; then, in one process, the bare rate of scanning and writing
 * that day's rows with the HBase client alone, the correction run (Spark already started) with its
 * stages and rows/s, and the bare rate again; the ratio is the run against the two bare runs' mean.
 * Before each measured phase the tables are brought to rest (flushed, no compaction running), as
 * they are at night, hours after the stream's last write.
 */
@Command(
    name = "bench-batch",
    mixinStandardHelpOptions = true,
    description = "Benchmark of the nightly correction against a running HBase and database.")
public final class CorrectionBenchmark implements Callable<Integer> {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Channel CHANNEL = new Channel("BNC1", "Benchmark channel", ChannelType.ONLINE);
  private static final int ENTRIES_PER_CUSTOMER = 20;

  @Option(names = "--entries", defaultValue = "2000000", description = "Journal entries of the day (${DEFAULT-VALUE}).")
  int entries;

  @Option(names = "--background", defaultValue = "10000000", description = "Rows of other days already in HBase (${DEFAULT-VALUE}).")
  long background;

  @Option(names = "--skip-background", description = "Background rows of an earlier run are still there: do not write them again.")
  boolean skipBackground;

  @Option(names = "--error-percent", defaultValue = "1", description = "Percent missing, extra and wrong each (${DEFAULT-VALUE}).")
  int errorPercent;

  @Option(names = "--date", description = "Trading day; default a future day unique to this run.")
  Integer date;

  @Option(names = "--work-dir", defaultValue = "batch/target/bench-batch", description = "CSV source and reports (${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--no-settle", description = "Measure right after each load, while HBase may still be compacting"
      + " what it wrote (as the bench did until 2026-12-04).")
  boolean noSettle;

  @Option(names = "-D", paramLabel = "key=value", description = "Batch configuration (hbase.bootstrap.servers, db.url, spark.master, ...).")
  Map<String, String> overrides = new java.util.LinkedHashMap<>();

  @Option(names = "--server-pid", paramLabel = "NAME=PID",
      description = "A local server's process (e.g. hbase=1234), whose CPU time is counted per entry too.")
  Map<String, Long> serverPids = new java.util.TreeMap<>();

  /** The goal of issue 6, against which the CPU per entry is set. */
  private static final long GOAL_ENTRIES_PER_SECOND = 100_000;

  private final PrintStream out = System.out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CorrectionBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (errorPercent < 0 || errorPercent > 25) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--error-percent must be in [0, 25]");
    }
    BatchConfig config = BatchConfig.from(Settings.of(Map.of(), "(bench)", Map.of(), overrides));
    int day = date != null ? date : TradeDate.of(LocalDate.of(2060, 1, 1).plusDays(System.currentTimeMillis() / 1000 % 3650));
    String prefix = "BN" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    int threads = Runtime.getRuntime().availableProcessors();
    out.printf("bench-batch: day %d, %,d entries, %,d background rows, %d%% missing/extra/wrong, %d cores%n",
        day, entries, background, errorPercent, threads);
    HBaseClientSettings hbase = HBaseClientSettings.bootstrapServers(config.hbaseBootstrapServers());

    if (serverPids.isEmpty()) {
      out.println("(no --server-pid: the CPU figures below count this JVM only, not HBase)");
    }
    CpuMeter meter = new CpuMeter(serverPids);
    try (Connection connection = ConnectionFactory.createConnection(hbase.toConfiguration());
        CpuTimeline cpu = new CpuTimeline(meter, 100)) {
      long t0 = System.nanoTime();
      if (!skipBackground) {
        long written = writeBackground(connection, day, prefix);
        out.printf("[load] background rows %,d in %.1f s%n", written, seconds(t0));
      }
      long t1 = System.nanoTime();
      Path source = Files.createDirectories(workDir.resolve("source-" + day));
      long served = writeDayAsTheStreamLeftIt(connection, day, prefix, source);
      out.printf("[load] the day as the stream left it: %,d detail rows, CSV source of %,d entries, in %.1f s%n",
          served, entries, seconds(t1));

      settle(connection, "the loads");

      // The bare rate: the day's rows scanned, then written, with the HBase client alone and the
      // same parallelism as Spark's local[*], into a scratch day (same rows, other INIT_DATE and
      // bucket).
      // Measured again after the run: on a shared machine the load moves within minutes, and a
      // baseline taken on both sides of the run is a fairer yardstick than one taken before it.
      Bare bareBefore = bare(meter, connection, day, prefix, threads, 400, "before the run");
      settle(connection, "the bare writes");

      long sparkStart = System.nanoTime();
      SparkSession spark = SparkSessions.create(config);
      spark.range(1).count(); // Spark is up before the clock starts
      out.printf("[spark] started in %.1f s%n", seconds(sparkStart));
      try {
        String runId = "bench-" + day + "-" + System.currentTimeMillis();
        long r0 = System.nanoTime();
        CorrectionReport r = new CorrectionJob(config, out)
            .run(spark, new CorrectionJob.Request(day, new SourceSpec(source), false, runId,
                workDir.resolve(runId + ".json")));
        double runSeconds = seconds(r0);
        out.println();
        out.println("== bench-batch results");
        out.printf("   status %s; entries %,d; run %.2f s = %,.0f entries/s%n",
            r.status(), r.journalRowsRead(), runSeconds, r.journalRowsRead() / runSeconds);
        long stageStart = r0;
        for (CorrectionReport.StageTime st : r.stageMillis()) {
          long stageEnd = stageStart + st.millis() * 1_000_000L;
          CpuMeter.Usage used = cpu.between(stageStart, stageEnd);
          out.printf("   stage %-18s %8.2f s; CPU %s = %.1f µs per entry%n", st.stage(), st.millis() / 1000.0,
              used.describe(), used.totalMicrosPer(r.journalRowsRead()));
          stageStart = stageEnd;
        }
        CpuMeter.Usage runCpu = cpu.between(r0, r0 + (long) (runSeconds * 1e9));
        out.printf("   run CPU %s = %.1f µs per entry%n", runCpu.describe(), runCpu.totalMicrosPer(r.journalRowsRead()));
        out.printf("   details   %s%n   summaries %s%n", r.details(), r.summaries());
        settle(connection, "the run");
        Bare bareAfter = bare(meter, connection, day, prefix, threads, 401, "after the run");
        double bare = (bareBefore.seconds() + bareAfter.seconds()) / 2;
        out.printf("   bare HBase scan + write of the day: %.2f s before the run, %.2f s after, mean %.2f s%n",
            bareBefore.seconds(), bareAfter.seconds(), bare);
        out.printf("   run / bare = %.2f (against before %.2f, after %.2f)%n",
            runSeconds / bare, runSeconds / bareBefore.seconds(), runSeconds / bareAfter.seconds());
        // What the machine allows: its cores' CPU-seconds per second, shared by Spark and HBase.
        double budget = threads * 1e6 / GOAL_ENTRIES_PER_SECOND;
        out.printf("   %,d entries/s on %d cores leaves %.1f µs of CPU per entry for everything; the run used %.1f,"
                + " the bare scan of the day alone %.1f µs per row%n",
            GOAL_ENTRIES_PER_SECOND, threads, budget, runCpu.totalMicrosPer(r.journalRowsRead()),
            Math.min(bareBefore.scanMicrosPerRow(), bareAfter.scanMicrosPerRow()));
        long expectedWrong = count(entries, 1);
        long expectedMissing = count(entries, 0);
        long expectedExtra = count(entries, 2);
        boolean exact = r.details().inserted() == expectedMissing
            && r.details().updated() == expectedWrong
            && r.details().deleted() == expectedExtra;
        out.printf("   detail corrections %s the injected errors (missing %,d, wrong %,d, extra %,d)%n",
            exact ? "equal" : "DIFFER FROM", expectedMissing, expectedWrong, expectedExtra);
        return "SUCCEEDED".equals(r.status()) && exact ? 0 : 1;
      } finally {
        spark.stop();
      }
    }
  }

  /** Entries {@code i} in [1, n] with {@code i % 100 < errorPercent} at offset {@code kind}. */
  private long count(int n, int kind) {
    long c = 0;
    for (int i = 1; i <= n; i++) {
      if (errorKind(i) == kind) {
        c++;
      }
    }
    return c;
  }

  /** 0 missing, 1 served wrong, 2 right and followed by an extra (rolled back) entry, -1 right. */
  private int errorKind(long serial) {
    long r = serial % 100;
    if (r < errorPercent) {
      return 0;
    }
    if (r < 2L * errorPercent) {
      return 1;
    }
    if (r >= 50 && r < 50 + errorPercent) {
      return 2;
    }
    return -1;
  }

  private static Customer customer(String prefix, long index) {
    return new Customer(prefix + index, "Bench " + index, "0", "110101199001011234", "13800000000",
        1001, 20200101, "0", 3, index % 10 == 0);
  }

  private static FundJournalEntry entry(int day, long serial, Customer c, LocalDateTime t, BigDecimal amount) {
    return new FundJournalEntry(day, serial, t, c.clientId(), "F" + c.clientId(), 1001, MoneyType.CNY, 1001,
        amount, new BigDecimal("100000.00"), CHANNEL.channelCode(), "bench " + serial);
  }

  private static BigDecimal amount(long serial) {
    BigDecimal a = BigDecimal.valueOf(serial % 100_000 + 1, 2);
    return serial % 3 == 0 ? a.negate() : a;
  }

  private static LocalDateTime timeOf(LocalDate date, long i, long n) {
    return date.atTime(9, 0).plusSeconds(i * 23_400 / Math.max(1, n));
  }

  /** Rows of earlier days, a day's worth of entries each, the days before {@code day}. */
  private long writeBackground(Connection connection, int day, String prefix) throws Exception {
    long perDay = Math.max(1, entries);
    long written = 0;
    try (BufferedMutator m = mutator(connection, HBaseLayout.FUND_FLOW_TABLE)) {
      for (long i = 0; i < background; i++) {
        LocalDate date = TradeDate.toLocalDate(day).minusDays(1 + i / perDay);
        Customer c = customer(prefix + "G", (i % perDay) / ENTRIES_PER_CUSTOMER);
        FundJournalEntry e = entry(TradeDate.of(date), i % perDay + 1, c, timeOf(date, i % perDay, perDay), amount(i));
        m.mutate(HBaseMutations.toHBase(FundFlowRows.put(flow(e, c), CellVersion.stream(1_000))));
        written++;
      }
    }
    return written;
  }

  /** The day in HBase (missing, wrong and extra rows, summaries of what was served) and its CSV source. */
  private long writeDayAsTheStreamLeftIt(Connection connection, int day, String prefix, Path source)
      throws Exception {
    LocalDate date = TradeDate.toLocalDate(day);
    long version = CellVersion.stream(1_000);
    long served = 0;
    long customers = (entries + ENTRIES_PER_CUSTOMER - 1) / ENTRIES_PER_CUSTOMER;
    try (BufferedMutator details = mutator(connection, HBaseLayout.FUND_FLOW_TABLE);
        BufferedMutator summaries = mutator(connection, HBaseLayout.CUSTOMER_DAY_TABLE);
        BufferedWriter journal = Files.newBufferedWriter(source.resolve("FUND_JOURNAL.csv"));
        BufferedWriter customerCsv = Files.newBufferedWriter(source.resolve("CUSTOMER.csv"))) {
      details.mutate(HBaseMutations.toHBase(FundFlowRows.manifest(day, date, version)));
      journal.write("INIT_DATE,SERIAL_NO,OCCUR_TIME,CLIENT_ID,FUND_ACCOUNT,BRANCH_NO,MONEY_TYPE,BUSINESS_FLAG,"
          + "OCCUR_BALANCE,POST_BALANCE,CHANNEL,REMARK\n");
      customerCsv.write("CLIENT_ID,CLIENT_NAME,ID_KIND,ID_NO,MOBILE,BRANCH_NO,OPEN_DATE,CLIENT_STATUS,RISK_LEVEL,KEY_CLIENT\n");
      long serial = 0;
      long extraSerial = entries;
      for (long ci = 0; ci < customers; ci++) {
        Customer c = customer(prefix, ci);
        customerCsv.write(String.join(",", c.clientId(), c.clientName(), c.idKind(), c.idNo(), c.mobile(),
            Integer.toString(c.branchNo()), Integer.toString(c.openDate()), c.clientStatus(),
            Integer.toString(c.riskLevel()), c.keyClient() ? "Y" : "N") + "\n");
        List<FundFlow> servedFlows = new ArrayList<>();
        for (int j = 0; j < ENTRIES_PER_CUSTOMER && serial < entries; j++) {
          serial++;
          FundJournalEntry e = entry(day, serial, c, timeOf(date, serial, entries), amount(serial));
          journal.write(String.join(",", Integer.toString(day), Long.toString(serial), TIME.format(e.occurTime()),
              c.clientId(), e.fundAccount(), "1001", "CNY", "1001", e.occurBalance().toPlainString(),
              e.postBalance().toPlainString(), CHANNEL.channelCode(), e.remark()) + "\n");
          int kind = errorKind(serial);
          if (kind == 0) {
            continue; // the stream missed it
          }
          FundJournalEntry servedEntry = kind == 1
              ? entry(day, serial, c, e.occurTime(), e.occurBalance().add(BigDecimal.ONE))
              : e;
          servedFlows.add(flow(servedEntry, c));
          if (kind == 2) {
            // An entry the counter rolled back: served, absent from the day-end data.
            extraSerial++;
            servedFlows.add(flow(entry(day, extraSerial, c, e.occurTime().plusSeconds(1), amount(extraSerial)), c));
          }
        }
        for (FundFlow f : servedFlows) {
          details.mutate(HBaseMutations.toHBase(FundFlowRows.put(f, version)));
          served++;
        }
        for (CustomerDaySummary s : CustomerDaySummaries.of(servedFlows).values()) {
          summaries.mutate(HBaseMutations.toHBase(CustomerDayRows.put(s, version)));
        }
      }
    }
    Files.writeString(source.resolve("CHANNEL.csv"), "CHANNEL_CODE,CHANNEL_NAME,CHANNEL_TYPE\n"
        + CHANNEL.channelCode() + "," + CHANNEL.channelName() + "," + CHANNEL.channelType().name() + "\n");
    Files.writeString(source.resolve("ADVISORY_CONTRACT.csv"),
        "CONTRACT_ID,CLIENT_ID,PORTFOLIO_CODE,BRANCH_NO,APPLY_TIME,SIGN_TIME,TERMINATE_TIME,STATUS\n"
            + prefix + "K1," + prefix + "0," + prefix + "P,1001," + TIME.format(date.atTime(9, 0)) + ","
            + TIME.format(date.atTime(9, 30)) + ",,SIGNED\n");
    Files.writeString(source.resolve("ADVISORY_ORDER.csv"),
        "ORDER_ID,CONTRACT_ID,CLIENT_ID,PORTFOLIO_CODE,ORDER_TYPE,AMOUNT,ORDER_TIME,TRADE_DATE,STATUS\n"
            + prefix + "O1," + prefix + "K1," + prefix + "0," + prefix + "P,PURCHASE,1000.00,"
            + TIME.format(date.atTime(10, 0)) + "," + day + ",ACCEPTED\n");
    return served;
  }

  private static FundFlow flow(FundJournalEntry e, Customer c) {
    return FundFlowBuilder.build(e, Optional.of(c), Optional.of(CHANNEL));
  }

  private static BufferedMutator mutator(Connection connection, String table) throws Exception {
    return connection.getBufferedMutator(
        new BufferedMutatorParams(HBaseMutations.tableName(table)).writeBufferSize(8L << 20));
  }

  /** Scans the day's bucket (16 salt prefixes, spread over {@code threads}) as the job does. */
  private static long bareScan(Connection connection, int day, int threads) throws Exception {
    List<byte[]> prefixes = FundFlowRowKey.dayPrefixes(TradeDate.toLocalDate(day));
    byte[] family = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
    byte[] column = FundFlowRows.FLOW_CELL.getBytes(StandardCharsets.UTF_8);
    AtomicLong rows = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (byte[] p : prefixes) {
        done.add(pool.submit(() -> {
          KeyRange range = KeyRange.prefix(p);
          try (Table t = connection.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
              ResultScanner s = t.getScanner(new Scan().withStartRow(range.startInclusive())
                  .withStopRow(range.stopExclusive()).addColumn(family, column)
                  .setCaching(1000).setCacheBlocks(false))) {
            for (Result r : s) {
              if (FundFlowRowKey.hasInitDate(r.getRow(), day)) {
                rows.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return rows.get();
  }

  /** Waits until the tables the bench measures are at rest, unless told not to. */
  private void settle(Connection connection, String after) throws Exception {
    if (noSettle) {
      return;
    }
    try (Admin admin = connection.getAdmin()) {
      Duration took =
          TablesAtRest.settle(
              admin,
              false,
              List.of(
                  HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE),
                  HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE)));
      out.printf("[settle] after %s: flushed, compactions done in %.1f s%n", after, took.toMillis() / 1e3);
    }
  }

  /** One bare run: the day's rows scanned, then written, with the CPU each took. */
  private record Bare(double scanSeconds, double writeSeconds, long scanned, CpuMeter.Usage scanCpu) {

    double seconds() {
      return scanSeconds + writeSeconds;
    }

    double scanMicrosPerRow() {
      return scanCpu.totalMicrosPer(Math.max(1, scanned));
    }
  }

  /** Scans the day's rows and writes them again into a scratch day, printed with their CPU. */
  private Bare bare(CpuMeter meter, Connection connection, int day, String prefix, int threads, int scratchDays,
      String when) throws Exception {
    CpuMeter.Sample c0 = meter.sample();
    long s0 = System.nanoTime();
    long scanned = bareScan(connection, day, threads);
    double scanSeconds = seconds(s0);
    CpuMeter.Sample c1 = meter.sample();
    long w0 = System.nanoTime();
    long rewritten = bareWrite(connection, day, prefix, threads, scratchDays);
    double writeSeconds = seconds(w0);
    CpuMeter.Usage scanCpu = c1.since(c0);
    CpuMeter.Usage writeCpu = meter.sample().since(c1);
    out.printf("[bare %s] scan %,d rows in %.2f s = %,.0f rows/s; write %,d rows in %.2f s = %,.0f rows/s%n",
        when, scanned, scanSeconds, scanned / scanSeconds, rewritten, writeSeconds, rewritten / writeSeconds);
    out.printf("[bare %s] CPU: scan %s = %.1f µs per row; write %s = %.1f µs per row%n", when,
        scanCpu.describe(), scanCpu.totalMicrosPer(Math.max(1, scanned)),
        writeCpu.describe(), writeCpu.totalMicrosPer(Math.max(1, rewritten)));
    return new Bare(scanSeconds, writeSeconds, scanned, scanCpu);
  }

  /**
   * Writes every entry of the day once, into a scratch day {@code scratchDays} after it: written
   * into the day itself they would fill its gaps.
   */
  private long bareWrite(Connection connection, int day, String prefix, int threads, int scratchDays)
      throws Exception {
    LocalDate date = TradeDate.toLocalDate(day).plusDays(scratchDays);
    int scratchDay = TradeDate.of(date);
    long version = CellVersion.stream(1_000);
    AtomicLong rows = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        done.add(pool.submit(() -> {
          try (BufferedMutator m = mutator(connection, HBaseLayout.FUND_FLOW_TABLE)) {
            for (long serial = 1 + worker; serial <= entries; serial += threads) {
              Customer c = customer(prefix, (serial - 1) / ENTRIES_PER_CUSTOMER);
              FundJournalEntry e = entry(scratchDay, serial, c, timeOf(date, serial, entries), amount(serial));
              RowMutation put = FundFlowRows.put(flow(e, c), version);
              m.mutate(HBaseMutations.toHBase(put));
              rows.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return rows.get();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
