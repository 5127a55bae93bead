package io.fundflow.serving.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.hbase.TablesAtRest;
import io.fundflow.serving.ServingServer;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.serving.config.ServingConfig;
import io.fundflow.serving.query.FlowQuery;
import io.fundflow.serving.store.FundFlowStore;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * The serving benchmark of issue 5: loads detail rows through the real codecs, then measures a
 * one-day and a 30-day page of 100 rows for a light and a heavy customer with concurrent clients
 * over HTTP, with the rows scanned per row returned from the server's scan counters.
 *
 * @param spec what to load and how to measure
 * @param serverPids the local servers' processes by name (e.g. hbase, db), whose CPU per page is
 *     reported beside this JVM's; may be empty
 */
public record ServingBenchmark(Spec spec, Map<String, Long> serverPids) {

  /**
   * The benchmark's sizes.
   *
   * @param prefix client-id prefix of this data set (a re-run with the same prefix and sizes can
   *     skip loading)
   * @param customers customers in total
   * @param heavyCustomers how many of them are heavy
   * @param heavyRows rows per heavy customer
   * @param lightRows rows per light customer
   * @param days trading days the rows spread over, ending {@code lastDay}
   * @param lastDay the newest day of data
   * @param clients concurrent HTTP clients
   * @param requests requests per scenario (after a warm-up of the same size)
   * @param load false to reuse rows loaded by an earlier run
   * @param majorCompact major-compact the table before measuring, as the older days of a served
   *     table are in production; false measures the store files a bulk load leaves
   * @param primeBlockCache read the whole detail table once before measuring, so that HBase's
   *     block cache holds what of it fits, whatever ran before; false measures the cache as found
   * @param warmUpPasses at most this many rounds of every scenario, over HTTP and bare, before the
   *     first measured one, stopping once the JIT is quiet: a server in production has long
   *     finished compiling its hot code, a fresh JVM has not
   */
  public record Spec(
      String prefix,
      int customers,
      int heavyCustomers,
      int heavyRows,
      int lightRows,
      int days,
      LocalDate lastDay,
      int clients,
      int requests,
      boolean load,
      boolean majorCompact,
      boolean primeBlockCache,
      int warmUpPasses) {

    /** Rows the data set holds. */
    public long totalRowsForReport() {
      return (long) heavyCustomers * heavyRows + (long) (customers - heavyCustomers) * lightRows;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  // The server's own time for 200 pages (handler start to answer), sum and count.
  private static final Pattern PAGE_TIMER =
      Pattern.compile(
          "(?m)^fundflow_http_requests_seconds_(sum|count)\\{[^}]*"
              + "route=\"/api/v1/customers/\\{clientId\\}/fund-flows\",status=\"200\"\\} ([0-9.eE+]+)$");
  private static final int FIRST_BRANCH = 1000;
  private static final int BRANCHES = 50;
  private static final Pattern COUNTER =
      Pattern.compile(
          "(?m)^(fundflow_scan_rows_(?:scanned|returned)_total)(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

  /** Loads (unless told not to), measures, prints a report to {@code out}. */
  public void run(ServingConfig base, Connection hbaseForLoad, PrintStream out) throws Exception {
    if (spec.load()) {
      load(hbaseForLoad, out);
    }
    settle(hbaseForLoad, spec.majorCompact(), out);
    if (spec.primeBlockCache()) {
      primeBlockCache(hbaseForLoad, out);
    }
    Path users = Files.createTempFile("fundflow-bench-users", ".properties");
    String password = "bench-" + System.nanoTime();
    // The trader is granted the data set's branches one by one (not "*"), so every request goes
    // through the branch check as a branch trader's does.
    String branches =
        java.util.stream.IntStream.range(FIRST_BRANCH, FIRST_BRANCH + BRANCHES)
            .mapToObj(Integer::toString)
            .collect(java.util.stream.Collectors.joining(","));
    Files.writeString(users, "bench = " + UserDirectory.hash(password, 4) + " ; " + branches + "\n");
    ServingConfig config = base.withUsers(users, Math.max(base.dbPoolSize(), spec.clients()));
    FundFlowStore bare = new FundFlowStore(hbaseForLoad);
    if (serverPids.isEmpty()) {
      out.println(
          "(no --server-pid: the CPU figures below count this JVM only, not HBase or the database)");
    }
    BenchHttp.keepAlive(spec.clients());
    ExecutorService clientPool = Executors.newFixedThreadPool(spec.clients(), clientThreads("page"));
    try (ServingServer server = ServingServer.start(config, Clock.systemUTC())) {
      String url = "http://127.0.0.1:" + server.port();
      Rig rig = new Rig(url, login(url, password), clientPool, new RoundCpu(serverPids));
      warmUp(rig, bare, out);
      out.printf(
          "%-28s %8s %8s %8s %8s %10s %10s %10s %7s %7s%n",
          "scenario",
          "p50 ms",
          "p99 ms",
          "max ms",
          "rows/req",
          "scan ratio",
          "bare p50",
          "bare p99",
          "p50 x",
          "p99 x");
      for (String who : List.of("light", "heavy")) {
        for (int span : new int[] {1, 30}) {
          measure(rig, bare, who, span, out);
        }
      }
      floor(rig, out);
      server.awaitAuditWritten(Duration.ofMinutes(1));
      out.printf("audit and branch-cache counters at the end:%n");
      out.print(metricLines(url, "fundflow_audit_rows_|cache_gets_total"));
    } finally {
      clientPool.shutdownNow();
      Files.deleteIfExists(users);
    }
  }

  /**
   * What every round runs with: the server's address, the signed-in token, the clients' threads
   * (alive for the whole benchmark, so each round's CPU is theirs) and the meter.
   */
  private record Rig(String url, String token, ExecutorService clients, RoundCpu cpu) {}

  private static ThreadFactory clientThreads(String kind) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, RoundCpu.CLIENT_THREAD_PREFIX + kind + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  String clientId(int customer) {
    return spec.prefix() + customer;
  }

  boolean heavy(int customer) {
    return customer < spec.heavyCustomers();
  }

  private void load(Connection hbase, PrintStream out) throws IOException {
    long t0 = System.nanoTime();
    long written = 0;
    BufferedMutatorParams params =
        new BufferedMutatorParams(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))
            .writeBufferSize(8L << 20);
    try (BufferedMutator m = hbase.getBufferedMutator(params)) {
      for (int c = 0; c < spec.customers(); c++) {
        int rows = heavy(c) ? spec.heavyRows() : spec.lightRows();
        SplittableRandom random = new SplittableRandom(c);
        for (int i = 0; i < rows; i++) {
          m.mutate(HBaseMutations.toHBase(FundFlowRows.put(flow(c, i, rows, random), 1L)));
          written++;
        }
        if (c % 1000 == 999) {
          out.printf("loaded %,d rows (%d customers)%n", written, c + 1);
        }
      }
      m.flush();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    out.printf(
        "loaded %,d rows for %,d customers in %.1f s (%.0f rows/s)%n",
        written, spec.customers(), s, written / s);
  }

  /**
   * Flushes the table (and major-compacts it when asked) and waits until its compactions are done:
   * reads are measured on the store files as they stay, not while the region server rewrites them
   * (which timed scans out here). After a bulk load a region holds several store files, and every
   * seek merges them: the first full-size run measured the light customers' bare scans twice as
   * slow as after a major compaction (docs/benchmarks.md). On an already compacted table
   * (--skip-load) --no-major-compact saves a rewrite of every region.
   */
  private static void settle(Connection hbase, boolean majorCompact, PrintStream out)
      throws Exception {
    try (Admin admin = hbase.getAdmin()) {
      Duration took =
          TablesAtRest.settle(
              admin, majorCompact, List.of(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE)));
      out.printf(
          "flushed%s, compactions done in %.0f s%n",
          majorCompact ? " and major-compacted" : "", took.toMillis() / 1e3);
    }
  }

  /**
   * Reads every detail row once, caching its blocks: the block cache then holds what of the table
   * fits, as a serving region server's does after hours of traffic, instead of whatever the last
   * load, compaction or restart left in it. With a cache smaller than the table (the uncompressed
   * blocks), the light customers' sparse 30-day pages still read cold blocks.
   */
  private static void primeBlockCache(Connection hbase, PrintStream out) throws IOException {
    long t0 = System.nanoTime();
    long rows = 0;
    Scan scan = new Scan().setCaching(2000).setCacheBlocks(true);
    try (Table table = hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
        ResultScanner scanner = table.getScanner(scan)) {
      for (Result ignored : scanner) {
        rows++;
      }
    }
    out.printf(
        "read all %,d rows once into HBase's block cache in %.0f s%n",
        rows, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Row {@code i} of {@code rows} of a customer, spread evenly over the days, within trading hours.
   */
  private FundFlow flow(int customer, int i, int rows, SplittableRandom random) {
    int day = (int) ((long) i * spec.days() / rows);
    LocalDateTime occur =
        spec.lastDay()
            .minusDays(day)
            .atTime(9, 0)
            .plusNanos(random.nextLong(7L * 3600 * 1_000_000_000L));
    int initDate = Integer.parseInt(occur.toLocalDate().format(DateTimeFormatter.BASIC_ISO_DATE));
    int flag = new int[] {2041, 2042, 4001, 4002, 4201}[random.nextInt(5)];
    Category category = Category.ofBusinessFlag(flag);
    BigDecimal amount = BigDecimal.valueOf(random.nextLong(1, 10_000_000), 2);
    if (category.expectedDirection().orElse(Direction.IN) == Direction.OUT) {
      amount = amount.negate();
    }
    String id = clientId(customer);
    int branch = FIRST_BRANCH + customer % BRANCHES;
    return new FundFlow(
        initDate,
        (long) customer * 1_000_000 + i,
        occur,
        id,
        "F" + id,
        branch,
        MoneyType.CNY,
        flag,
        amount,
        BigDecimal.valueOf(random.nextLong(0, 1_000_000_000), 2),
        "MOB",
        "bench",
        category,
        Direction.of(amount),
        false,
        branch,
        3,
        Boolean.FALSE,
        "张*",
        "Mobile app");
  }

  /**
   * Every scenario's rounds, unmeasured, until the JIT compilers' time in a pass is under 3% of its
   * wall time, or {@code warmUpPasses} passes. In a fresh JVM they compiled for 28 s in the
   * first pass here and still 2 s in the fifth, on the two cores the pages are measured on.
   */
  private void warmUp(Rig rig, FundFlowStore bare, PrintStream out) throws Exception {
    for (int pass = 1; pass <= spec.warmUpPasses(); pass++) {
      RoundCpu.Sample start = rig.cpu().sample();
      long pages = 0;
      for (boolean heavy : new boolean[] {false, true}) {
        for (int span : new int[] {1, 30}) {
          pages += run(rig, heavy, span, 100 + pass, page -> httpPage(rig, page)).size();
          pages += run(rig, heavy, span, 100 + pass, page -> barePage(bare, page)).size();
        }
      }
      RoundCpu.Usage used = rig.cpu().since(start, pages);
      out.printf("warm-up pass %d: %s%n", pass, used.describe());
      // Under a tenth still left ~1 s of compiling in some measured rounds of ~1.5 s.
      if (used.jitMillis() >= 0 && used.jitMillis() * 33 < used.wallNanos() / 1_000_000) {
        break;
      }
    }
  }

  /**
   * One scenario: a warm-up round, the measured round over HTTP, then as many requests as bare
   * {@link FundFlowStore#page} calls in this JVM (HBase client only: no HTTP, token, branch check,
   * audit or JSON) — the baseline the HTTP figures are divided by, measured seconds apart on the
   * same machine so that its load weighs on both alike. The bare round draws its pages the same
   * way with another seed: the HTTP round has just read its own pages into HBase's block cache, so
   * repeating them would give the baseline cache hits where the HTTP round had misses.
   */
  private void measure(Rig rig, FundFlowStore bare, String who, int spanDays, PrintStream out)
      throws Exception {
    boolean heavy = who.equals("heavy");
    PageCall http = page -> httpPage(rig, page);
    run(rig, heavy, spanDays, 7, http); // warm-up: JIT, caches
    double[] mid = counters(rig.url());
    RoundCpu.Sample cpu0 = rig.cpu().sample();
    List<long[]> results = run(rig, heavy, spanDays, 11, http);
    RoundCpu.Usage httpCpu = rig.cpu().since(cpu0, results.size());
    double[] after = counters(rig.url());
    run(rig, heavy, spanDays, 7, page -> barePage(bare, page)); // warm-up of the bare path
    cpu0 = rig.cpu().sample();
    List<long[]> baseline = run(rig, heavy, spanDays, 13, page -> barePage(bare, page));
    RoundCpu.Usage bareCpu = rig.cpu().since(cpu0, baseline.size());
    long errors = results.stream().filter(r -> r[1] < 0).count();
    results = results.stream().filter(r -> r[1] >= 0).toList();
    long[] nanos = results.stream().mapToLong(r -> r[0]).sorted().toArray();
    long bareErrors = baseline.stream().filter(r -> r[1] < 0).count();
    long[] bareNanos =
        baseline.stream().filter(r -> r[1] >= 0).mapToLong(r -> r[0]).sorted().toArray();
    long rows = results.stream().mapToLong(r -> r[1]).sum();
    double scanned = after[0] - mid[0];
    double returned = after[1] - mid[1];
    out.printf(
        "%-28s %8.2f %8.2f %8.2f %8.1f %10.3f %10.2f %10.2f %7.2f %7.2f%n",
        who + " customer, " + spanDays + "-day page",
        pct(nanos, 0.50),
        pct(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        (double) rows / results.size(),
        returned == 0 ? Double.NaN : scanned / returned,
        pct(bareNanos, 0.50),
        pct(bareNanos, 0.99),
        pct(nanos, 0.50) / pct(bareNanos, 0.50),
        pct(nanos, 0.99) / pct(bareNanos, 0.99));
    double serverCount = after[3] - mid[3];
    out.printf(
        "  server-side mean of those pages: %.2f ms (client-side mean %.2f ms)%n",
        serverCount == 0 ? Double.NaN : (after[2] - mid[2]) * 1000 / serverCount,
        java.util.Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6);
    out.printf("  CPU, HTTP: %s%n", httpCpu.describe());
    out.printf("  CPU, bare: %s%n", bareCpu.describe());
    if (errors + bareErrors > 0) {
      out.printf(
          "  failed and left out of the percentiles: %d HTTP requests, %d bare pages%n",
          errors, bareErrors);
    }
  }

  /**
   * The HTTP floor: the same requests with an unparseable {@code to}, answered 400 after the token
   * check, the parameter parse, the audit row and JSON, without touching HBase or the database —
   * what the process and this machine add to any page.
   */
  private void floor(Rig rig, PrintStream out) throws Exception {
    PageCall bad =
        page -> {
          BenchHttp.Answer a = BenchHttp.get(pageUrl(rig, page, "never"), rig.token());
          return Answer.now(a.status() == 400 ? 0 : -1);
        };
    run(rig, false, 1, 7, bad);
    RoundCpu.Sample cpu0 = rig.cpu().sample();
    List<long[]> results = run(rig, false, 1, 11, bad);
    RoundCpu.Usage cpu = rig.cpu().since(cpu0, results.size());
    long[] nanos =
        results.stream().filter(r -> r[1] >= 0).mapToLong(r -> r[0]).sorted().toArray();
    out.printf(
        "%-28s %8.2f %8.2f %8.2f   (no store; %d of %d answered 400)%n",
        "HTTP floor (a 400 answer)",
        pct(nanos, 0.50),
        pct(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        nanos.length,
        results.size());
    out.printf("  CPU: %s%n", cpu.describe());
  }

  /** One page to ask for. */
  private record Page(String clientId, LocalDate from, LocalDate to) {}

  /** Asks for one page. */
  private interface PageCall {
    Answer call(Page page) throws Exception;
  }

  /**
   * A page's answer: when it was complete (System.nanoTime) and the rows it held, -1 for a failed
   * request. The latency ends when the answer is complete, before the client reads it: counting its
   * items is the client's work, not the server's, and would otherwise be timed too.
   */
  private record Answer(long completeNanos, long rows) {
    static Answer now(long rows) {
      return new Answer(System.nanoTime(), rows);
    }
  }

  /** The URL of a page of 100 rows, {@code to} as given. */
  private static String pageUrl(Rig rig, Page page, String to) {
    return rig.url()
        + "/api/v1/customers/"
        + page.clientId()
        + "/fund-flows?from="
        + page.from()
        + "&to="
        + to
        + "&limit=100";
  }

  private static Answer httpPage(Rig rig, Page page) throws Exception {
    BenchHttp.Answer a = BenchHttp.get(pageUrl(rig, page, page.to().toString()), rig.token());
    long complete = System.nanoTime();
    if (a.status() != 200) {
      return new Answer(complete, -1); // counted as a failed request
    }
    return new Answer(complete, countItems(a.body()));
  }

  /** The number of objects in a page's {@code items}, read as a stream: no tree of the page. */
  static long countItems(byte[] page) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(page)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a page is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("items") && value == JsonToken.START_ARRAY) {
          long n = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            p.skipChildren();
            n++;
          }
          return n;
        }
        p.skipChildren();
      }
      throw new IOException("a page without items");
    }
  }

  private static Answer barePage(FundFlowStore store, Page page) throws IOException {
    FlowQuery q =
        new FlowQuery(
            page.clientId(),
            page.from().atStartOfDay(),
            page.to().atStartOfDay(),
            java.util.Set.of(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            100,
            java.util.Optional.empty());
    return Answer.now(store.page(q).flows().size());
  }

  /**
   * {@code requests} pages from {@code clients} threads, the same pages for the same seed; each
   * result is {nanos, rows}.
   */
  private List<long[]> run(Rig rig, boolean heavy, int spanDays, long seed, PageCall call)
      throws Exception {
    ExecutorService pool = rig.clients();
    List<Future<List<long[]>>> futures = new ArrayList<>();
    int perClient = Math.max(1, spec.requests() / spec.clients());
    for (int t = 0; t < spec.clients(); t++) {
      SplittableRandom random = new SplittableRandom(seed * 1000 + t);
      futures.add(
          pool.submit(
              () -> {
                List<long[]> mine = new ArrayList<>(perClient);
                for (int i = 0; i < perClient; i++) {
                  int customer =
                      heavy
                          ? random.nextInt(spec.heavyCustomers())
                          : spec.heavyCustomers()
                              + random.nextInt(spec.customers() - spec.heavyCustomers());
                  LocalDate to =
                      spec.lastDay()
                          .minusDays(random.nextInt(spec.days() - spanDays + 1))
                          .plusDays(1);
                  Page page = new Page(clientId(customer), to.minusDays(spanDays), to);
                  long t0 = System.nanoTime();
                  Answer a;
                  try {
                    a = call.call(page);
                  } catch (IOException | RuntimeException e) {
                    a = Answer.now(-1); // a failed request: counted, kept out of the percentiles
                  }
                  mine.add(new long[] {a.completeNanos() - t0, a.rows()});
                }
                return mine;
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<List<long[]>> f : futures) {
      all.addAll(f.get());
    }
    return all;
  }

  /** The /metrics lines whose names match {@code regex}. */
  private static String metricLines(String url, String regex) throws Exception {
    String text = BenchHttp.get(url + "/metrics", null).text();
    StringBuilder b = new StringBuilder();
    Pattern p = Pattern.compile("^(" + regex + ")");
    for (String line : text.split("\n")) {
      if (!line.startsWith("#") && p.matcher(line).find()) {
        b.append("  ").append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static String login(String url, String password) throws Exception {
    BenchHttp.Answer r =
        BenchHttp.postJson(
            url + "/api/v1/login", "{\"username\":\"bench\",\"password\":\"" + password + "\"}");
    if (r.status() != 200) {
      throw new IOException("sign-in refused: " + r.status() + " " + r.text());
    }
    JsonNode body = JSON.readTree(r.body());
    return body.get("token").textValue();
  }

  /** {scanned, returned} from the server's Prometheus counters. */
  private static double[] counters(String url) throws Exception {
    String text = BenchHttp.get(url + "/metrics", null).text();
    double[] v = new double[4];
    Matcher m = COUNTER.matcher(text);
    while (m.find()) {
      v[m.group(1).contains("scanned") ? 0 : 1] = Double.parseDouble(m.group(2));
    }
    Matcher t = PAGE_TIMER.matcher(text);
    while (t.find()) {
      v[t.group(1).equals("sum") ? 2 : 3] = Double.parseDouble(t.group(2));
    }
    return v;
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** A connection for loading; the caller closes it. */
  public static Connection connect(ServingConfig config) throws IOException {
    return ConnectionFactory.createConnection(config.hbase().toConfiguration());
  }
}
