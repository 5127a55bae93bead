package io.fundflow.realtime.bench;

import io.fundflow.common.bench.CpuMeter;
import io.fundflow.common.config.Settings;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.names.Topics;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.realtime.job.RealtimeConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.metrics.Histogram;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The realtime benchmark: the fund-flow job's sustained throughput ODS → HBase against a bare
 * {@code BufferedMutator} writing the same rows, and its end-to-end latency at a fixed rate.
 *
 * <p>Run it with {@code ./platform bench-realtime} (which starts the local stack if needed); the
 * phases, in the order they run:
 *
 * <ol>
 *   <li>generate a trading day's change log and pre-load it into {@code ods.*};
 *   <li>run the job (MiniCluster in this JVM) from those offsets until every flow has been written
 *       to HBase, then check HBase holds exactly the expected detail and summary rows — first, so
 *       the check cannot be fooled by rows the baseline wrote;
 *   <li>with the job still running, a producer paced at {@code --rate} for {@code
 *       --latency-seconds}; sampled rows are polled in HBase until visible;
 *   <li>the job stopped, the same rows through bare {@code BufferedMutator}s (same keys, versions
 *       and cell bytes, built by the common row codecs), twice: every detail write with each
 *       customer-day's final summary (the least any job must write: the ratio's baseline), then
 *       with a summary after every change (what the job wrote before summaries waited for {@code
 *       realtime.summary.emit-interval}).
 * </ol>
 */
@Command(
    name = "bench-realtime",
    mixinStandardHelpOptions = true,
    description = "Benchmark the fund-flow job: throughput vs bare HBase, latency at a fixed rate.")
public final class RealtimeBench implements Callable<Integer> {

  @Option(names = "--kafka", required = true, description = "Kafka bootstrap servers")
  String kafka;

  @Option(names = "--hbase", required = true, description = "HBase master RPC host:port")
  String hbase;

  @Option(names = "--flows", defaultValue = "500000", description = "journal changes (default ${DEFAULT-VALUE})")
  int flows;

  @Option(names = "--rate", defaultValue = "5000", description = "flows/s of the latency phase (default ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--latency-seconds", defaultValue = "30", description = "length of the latency phase (default ${DEFAULT-VALUE})")
  int latencySeconds;

  @Option(names = "--customers", description = "customers (default flows / 20)")
  Integer customers;

  @Option(names = "--parallelism", defaultValue = "2", description = "job parallelism (default ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a job configuration key, e.g. realtime.checkpoint.interval=1s")
  Map<String, String> jobKeys = new HashMap<>();

  @Option(
      names = "--server-pid",
      paramLabel = "NAME=PID",
      description = "a local server's process (e.g. hbase=1234), whose CPU time is counted per flow too")
  Map<String, Long> serverPids = new HashMap<>();

  private CpuMeter cpu;

  private final Progress progress = new Progress(System.out);

  public static void main(String[] args) {
    System.exit(new CommandLine(new RealtimeBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long runTag = ThreadLocalRandom.current().nextLong(100_000, 1_000_000);
    // A day of its own per run: the rows of earlier runs on the same stack never count.
    LocalDate day = LocalDate.of(2030, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    long firstScn = System.currentTimeMillis() * 10;
    int customerCount = customers != null ? customers : Math.max(100, flows / 20);
    progress.line(
        "generating %,d journal changes over %,d customers, trading day %s (run %d)",
        flows, customerCount, day, runTag);
    BenchWorkload workload =
        BenchWorkload.generate(runTag, runTag, day, flows, customerCount, firstScn);
    ExpectedWrites.Counts expected = ExpectedWrites.count(workload);
    progress.line(
        "expect %,d detail + %,d summary mutations; %,d detail rows and %,d summary rows at the end",
        expected.detailMutations(), expected.summaryMutations(), expected.liveDetailRows(),
        expected.liveSummaryRows());

    cpu = new CpuMeter(new java.util.TreeMap<>(serverPids));
    HBaseClientSettings hbaseSettings = HBaseClientSettings.bootstrapServers(hbase);
    try (Connection connection = ConnectionFactory.createConnection(hbaseSettings.toConfiguration());
        KafkaProducer<byte[], byte[]> producer = producer(20)) {
      HBaseDayRows rows = new HBaseDayRows(connection);

      long preloadStart = System.currentTimeMillis();
      preload(producer, workload, firstScn);
      rows.flushTables();

      Path checkpoints = Files.createTempDirectory("fundflow-bench-checkpoints");
      RealtimeConfig config = jobConfig(runTag, preloadStart - 1_000, checkpoints);
      JobPhase job;
      try {
        job = runJob(config, workload, expected, rows, day, firstScn);
      } finally {
        deleteRecursively(checkpoints);
      }

      LatencyProbe.Result latency = job.latency;

      // The least any job must write (every detail change, each day's final summary), and what the
      // job wrote before summaries waited for an emit interval (a summary after every change).
      Baseline least = baseline("final summaries", false, workload, connection, rows, config);
      Baseline perChange = baseline("summary per change", true, workload, connection, rows, config);

      report(config, job, latency, least, perChange);
      // Exit code 1 only when HBase does not hold what the job should have written; a latency
      // beyond the goal is a figure to report, not a failure of the run.
      return job.verified ? 0 : 1;
    }
  }

  /** A bare-HBase baseline: its mutations, time and CPU. */
  private record Baseline(String name, int mutations, double seconds, CpuMeter.Usage cpu) {}

  private Baseline baseline(
      String name,
      boolean summaryPerChange,
      BenchWorkload workload,
      Connection connection,
      HBaseDayRows rows,
      RealtimeConfig config)
      throws Exception {
    progress.line("baseline (%s): building the same rows with the common codecs", name);
    BareHBaseWrites bare = new BareHBaseWrites();
    ExpectedWrites.replay(workload, summaryPerChange, bare::add);
    rows.flushTables();
    progress.line(
        "baseline (%s): writing %,d mutations (%,d MB of cells) through bare BufferedMutators",
        name, bare.size(), bare.cellBytes() >> 20);
    CpuMeter.Sample start = cpu.sample();
    long nanos =
        bare.write(
            connection,
            config.hbaseWriteBufferBytes(),
            n -> progress.line("baseline (%s): %,d/%,d mutations", name, n, bare.size()));
    return new Baseline(name, bare.size(), nanos / 1e9, cpu.sample().since(start));
  }

  /** What the job phase measured. */
  private record JobPhase(
      double handedSeconds,
      double flushedSeconds,
      long mutations,
      long summaries,
      boolean verified,
      String verification,
      Map<String, Double> busy,
      Map<String, Double> backPressured,
      LatencyProbe.Result latency,
      String jobHistogram,
      String flushHistogram,
      CpuMeter.Usage cpu) {}

  /** p50 and p99 of each subtask's histogram named {@code suffix} (their latest samples). */
  private static String quantiles(JobUnderTest job, String suffix) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Histogram> h : job.histograms(suffix).entrySet()) {
      out.append(
          String.format(
              "p50 %.0f ms, p99 %.0f ms; ",
              h.getValue().getStatistics().getQuantile(0.5),
              h.getValue().getStatistics().getQuantile(0.99)));
    }
    return out.toString();
  }

  private JobPhase runJob(
      RealtimeConfig config,
      BenchWorkload workload,
      ExpectedWrites.Counts expected,
      HBaseDayRows rows,
      LocalDate day,
      long firstScn)
      throws Exception {
    progress.line("job: starting on a MiniCluster, parallelism %d, %s", config.parallelism(), config);
    try (JobUnderTest job = JobUnderTest.start(config)) {
      long started = 0;
      long handed = 0;
      long lastFlows = 0;
      long lastReport = System.nanoTime();
      long lastProgressAt = System.nanoTime();
      Map<String, Double> busy = new HashMap<>();
      Map<String, Double> pressured = new HashMap<>();
      int samples = 0;
      long checkpointsAtHanded = -1;
      long flushed = 0;
      CpuMeter.Sample cpuAtStart = null;
      CpuMeter.Usage jobCpu = null;
      while (true) {
        Thread.sleep(100);
        long now = System.nanoTime();
        long flowsOut = job.sum(".dwd.flowsOut");
        // Read before the HBase count: everything summed here was emitted before it was read.
        long deltasIn = job.sum(".dws.deltasIn");
        long summariesOut = job.sum(".dws.summariesOut");
        long pendingSummaries = job.gaugeSum(".dws.pendingSummaries");
        long mutations = job.sum(".hbase.mutations");
        if (started == 0 && flowsOut > 0) {
          started = now;
          cpuAtStart = cpu.sample();
        }
        if (flowsOut != lastFlows) {
          lastProgressAt = now;
        }
        // Every flow out, every delta applied, no summary waiting, and HBase has been handed every
        // detail and every summary emitted (the day-bucket manifest entries come on top).
        if (handed == 0
            && flowsOut >= workload.changes().size()
            && deltasIn >= expected.summaryMutations()
            && pendingSummaries == 0
            && mutations > expected.detailMutations() + summariesOut) {
          handed = now;
          jobCpu = cpu.sample().since(cpuAtStart);
          checkpointsAtHanded = job.gauge(".numberOfCompletedCheckpoints");
          progress.line(
              "job: every flow handed to HBase (%,d mutations, of which %,d summaries for %,d changes)",
              mutations, summariesOut, deltasIn);
        }
        // The first checkpoint to complete after that may have been triggered before it, its
        // barrier ahead of the last writes; the one after it was triggered later (one checkpoint
        // at a time), so its completion means the sink had written everything.
        if (handed != 0 && job.gauge(".numberOfCompletedCheckpoints") > checkpointsAtHanded + 1) {
          flushed = now;
          break;
        }
        if (now - lastReport >= 2_000_000_000L) {
          double rate = (flowsOut - lastFlows) / ((now - lastReport) / 1e9);
          progress.line(
              "job: flows %,d/%,d (%,.0f/s), HBase mutations %,d, flushes %,d, dead letters %d, status %s",
              flowsOut, workload.changes().size(), rate, mutations, job.sum(".hbase.flushes"),
              job.sumContaining(".dlq."),
              job.status());
          if (started != 0 && handed == 0) {
            job.gauges(".busyTimeMsPerSecond").forEach((k, v) -> busy.merge(task(k), (double) v, Double::sum));
            job.gauges(".backPressuredTimeMsPerSecond")
                .forEach((k, v) -> pressured.merge(task(k), (double) v, Double::sum));
            samples++;
          }
          lastReport = now;
          lastFlows = flowsOut;
        }
        if (now - lastReport < 100_000_000L && job.status().equals("FAILED")) {
          throw new IllegalStateException("the job failed; see the bench log for the cause");
        }
        if (now - lastProgressAt > 120_000_000_000L) {
          throw new IllegalStateException(
              "the job made no progress for 2 minutes: status " + job.status() + ", flows "
                  + flowsOut + ", dead letters " + job.sumContaining(".dlq."));
        }
      }
      int n = Math.max(1, samples);
      busy.replaceAll((k, v) -> v / n);
      pressured.replaceAll((k, v) -> v / n);
      long mutations = job.sum(".hbase.mutations");
      long summaryWrites = job.sum(".dws.summariesOut");
      progress.line("job: a checkpoint triggered after the last write completed: HBase writes flushed");

      String verification = "";
      boolean verified = false;
      long verifyStart = System.nanoTime();
      long deadline = verifyStart + 120_000_000_000L;
      while (!verified && System.nanoTime() < deadline) {
        long details = rows.details(day);
        long summaries = rows.summaries(workload.initDate());
        verification =
            String.format(
                "detail rows %,d (expected %,d), summary rows %,d (expected %,d)",
                details, expected.liveDetailRows(), summaries, expected.liveSummaryRows());
        verified =
            details == expected.liveDetailRows() && summaries == expected.liveSummaryRows();
        if (!verified) {
          Thread.sleep(1_000);
        }
      }
      progress.line(
          "job: HBase holds %s: %s (checked for %.1f s)",
          verification, verified ? "OK" : "MISMATCH", (System.nanoTime() - verifyStart) / 1e9);
      if (!verified) {
        explainDetailMismatch(workload, rows, day);
      }

      progress.line("latency: %,d flows/s for %d s with the job running", rate, latencySeconds);
      LatencyProbe.Result latency;
      try (KafkaProducer<byte[], byte[]> paced = producer(1)) {
        latency =
            LatencyProbe.run(
                paced, rows.connection(), workload, day.plusDays(1), rate, latencySeconds,
                firstScn + workload.changes().size() + 1_000, progress);
      }
      String endToEnd = quantiles(job, ".dwd.endToEndLatencyMs");
      String hbaseFlush = quantiles(job, ".hbase.flushLatencyMs");
      progress.line("job: stopping");
      return new JobPhase(
          (handed - started) / 1e9,
          (flushed - started) / 1e9,
          mutations,
          summaryWrites,
          verified,
          verification,
          busy,
          pressured,
          latency,
          endToEnd,
          hbaseFlush,
          jobCpu);
    }
  }

  /** Prints a few detail rows HBase lacks or has in excess, each with its entry's changes. */
  private void explainDetailMismatch(BenchWorkload workload, HBaseDayRows rows, LocalDate day)
      throws IOException {
    Set<ByteBuffer> expected = ExpectedWrites.liveDetailRowKeys(workload);
    Set<ByteBuffer> actual = rows.detailKeys(day);
    Set<ByteBuffer> missing = new HashSet<>(expected);
    missing.removeAll(actual);
    Set<ByteBuffer> extra = new HashSet<>(actual);
    extra.removeAll(expected);
    progress.line("job: detail rows missing %,d, in excess %,d", missing.size(), extra.size());
    for (String what : List.of("missing", "in excess")) {
      Set<ByteBuffer> keys = what.equals("missing") ? missing : extra;
      keys.stream()
          .limit(5)
          .forEach(
              k -> {
                long serial = FundFlowRowKey.decode(k.array()).serialNo();
                StringBuilder history = new StringBuilder();
                for (BenchWorkload.Change c : workload.changes()) {
                  if (c.row().serialNo() == serial) {
                    history.append(
                        String.format(
                            " %s@%d(%s)", c.op(), c.scn(), c.row().occurTime().toLocalTime()));
                  }
                }
                progress.line("job:   %s: serial %d, changes%s", what, serial, history);
              });
    }
  }

  private static String millis(long ms) {
    return ms < 0 ? "not seen" : ms + " ms";
  }

  /** The task name inside a metric identifier ({@code ...<job>.<task>.<subtask>}). */
  private static String task(String identifier) {
    int job = identifier.indexOf("fundflow-fund-flow.");
    String rest = job < 0 ? identifier : identifier.substring(job + "fundflow-fund-flow.".length());
    int subtask = rest.lastIndexOf('.');
    return subtask < 0 ? rest : rest.substring(0, subtask) + " #" + rest.substring(subtask + 1);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private RealtimeConfig jobConfig(long runTag, long startMillis, Path checkpoints) {
    Map<String, String> keys = new HashMap<>();
    keys.put("kafka.bootstrap.servers", kafka);
    keys.put("hbase.bootstrap.servers", hbase);
    keys.put("realtime.parallelism", Integer.toString(parallelism));
    keys.put("realtime.kafka.group-id", "bench-" + runTag);
    keys.put("realtime.kafka.starting-offsets", "timestamp:" + startMillis);
    keys.put("realtime.restart.attempts", "0");
    // The job's state outgrows the JobManager's 5 MB in-memory checkpoints within seconds.
    keys.put("realtime.checkpoint.dir", checkpoints.toUri().toString());
    keys.putAll(jobKeys);
    return RealtimeConfig.from(Settings.of(keys, "bench", Map.of(), Map.of()));
  }

  private KafkaProducer<byte[], byte[]> producer(int lingerMillis) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka);
    p.put("key.serializer", ByteArraySerializer.class.getName());
    p.put("value.serializer", ByteArraySerializer.class.getName());
    p.put("linger.ms", Integer.toString(lingerMillis));
    p.put("batch.size", Integer.toString(256 * 1024));
    p.put("acks", "all");
    return new KafkaProducer<>(p);
  }

  private void preload(KafkaProducer<byte[], byte[]> producer, BenchWorkload w, long firstScn)
      throws Exception {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long ts = System.currentTimeMillis();
    long scn = firstScn - w.customers().size() - w.channels().size() - 10;
    for (Channel c : w.channels()) {
      send(producer, Topics.ODS_CHANNEL, c.channelCode(), DebeziumText.channel(c, scn++, ts), failure);
    }
    for (Customer c : w.customers()) {
      send(producer, Topics.ODS_CUSTOMER, c.clientId(), DebeziumText.customer(c, scn++, ts), failure);
    }
    producer.flush();
    int sent = 0;
    for (BenchWorkload.Change c : w.changes()) {
      send(
          producer,
          Topics.ODS_FUND_JOURNAL,
          c.row().primaryKey(),
          DebeziumText.journal(c.op(), c.before(), c.after(), c.scn(), ts),
          failure);
      if (++sent % 100_000 == 0) {
        progress.line("preload: %,d/%,d journal changes sent", sent, w.changes().size());
      }
    }
    producer.flush();
    if (failure.get() != null) {
      throw failure.get();
    }
    progress.line(
        "preload: %,d channels, %,d customers, %,d journal changes in %.1f s",
        w.channels().size(), w.customers().size(), w.changes().size(),
        (System.nanoTime() - start) / 1e9);
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer,
      String topic,
      String key,
      byte[] value,
      AtomicReference<Exception> failure) {
    producer.send(
        new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value),
        (md, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  private void report(
      RealtimeConfig config,
      JobPhase job,
      LatencyProbe.Result latency,
      Baseline least,
      Baseline perChange) {
    long n = flows;
    double bareFlows = n / least.seconds();
    CpuMeter.Usage bareCpu = least.cpu();
    double jobHanded = n / job.handedSeconds;
    double jobFlushed = n / job.flushedSeconds;
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(String.format("Realtime fund-flow job, %,d flows, parallelism %d, checkpoint interval %s, write buffer %,d B",
        n, config.parallelism(), config.checkpointInterval(), config.hbaseWriteBufferBytes()));
    lines.add("| measure | value |");
    lines.add("|---|---|");
    for (Baseline b : List.of(least, perChange)) {
      lines.add(String.format("| bare BufferedMutator, every detail + %s | %,d mutations in %.1f s: **%,.0f flows/s** (%,.0f rows/s) |",
          b.name(), b.mutations(), b.seconds(), n / b.seconds(), b.mutations() / b.seconds()));
    }
    lines.add(String.format("| job, all flows handed to the HBase client | %.1f s: **%,.0f flows/s** (%,d HBase mutations, %,d of them summaries: %,.0f mutations/s) |",
        job.handedSeconds, jobHanded, job.mutations, job.summaries, job.mutations / job.handedSeconds));
    lines.add(String.format("| job, until the next checkpoint flushed them | %.1f s: %,.0f flows/s |",
        job.flushedSeconds, jobFlushed));
    lines.add(String.format("| ratio job / bare (%s) | **%.0f%%** (%.0f%% counting the final checkpoint); against the bare %s: %.0f%% |",
        least.name(), 100 * jobHanded / bareFlows, 100 * jobFlushed / bareFlows,
        perChange.name(), 100 * jobHanded * perChange.seconds() / n));
    lines.add(String.format("| CPU per flow, job (first flow → all handed to HBase) | **%.1f µs** in this JVM (%s); %.1f µs with the servers |",
        job.cpu.benchMicrosPer(n), job.cpu.describe(), job.cpu.totalMicrosPer(n)));
    lines.add(String.format("| CPU per flow, bare BufferedMutator (%s) | **%.1f µs** in this JVM (%s); %.1f µs with the servers |",
        least.name(), bareCpu.benchMicrosPer(n), bareCpu.describe(), bareCpu.totalMicrosPer(n)));
    lines.add(String.format("| CPU ratio bare / job | **%.0f%%** this JVM only; **%.0f%%** with the servers (100%% = the job costs no more CPU per flow than the bare writes) |",
        100 * bareCpu.benchMicrosPer(n) / job.cpu.benchMicrosPer(n),
        100 * bareCpu.totalMicrosPer(n) / job.cpu.totalMicrosPer(n)));
    lines.add(String.format("| HBase after the job | %s: %s |", job.verification, job.verified ? "exact" : "MISMATCH"));
    lines.add(String.format("| latency at %,d flows/s for %d s (achieved %,.0f/s) | source time → visible in HBase, %,d sampled rows: **p50 %s, p99 %s**, max %s; %d not visible 30 s after the last send |",
        rate, latencySeconds, latency.achievedRate(), latency.sampled(), millis(latency.percentile(0.5)),
        millis(latency.percentile(0.99)), millis(latency.percentile(1.0)), latency.missing()));
    lines.add(String.format("| job's endToEndLatencyMs (source time → detail write built), per subtask | %s |", job.jobHistogram));
    lines.add(String.format("| job's hbase.flushLatencyMs (one batch written to HBase), per sink subtask | %s |", job.flushHistogram));
    lines.add("");
    lines.add("Busy / back-pressured time per task during the job phase (ms per second, mean of samples):");
    job.busy.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> lines.add(String.format("  busy %4.0f  backpressured %4.0f  %s",
            e.getValue(), job.backPressured.getOrDefault(e.getKey(), 0.0), e.getKey())));
    lines.forEach(System.out::println);
  }
}
