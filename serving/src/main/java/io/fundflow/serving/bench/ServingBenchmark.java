package io.fundflow.serving.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.serving.ServingServer;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.serving.config.ServingConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;

/**
 * The serving benchmark of issue 5: loads detail rows through the real codecs, then measures a
 * one-day and a 30-day page of 100 rows for a light and a heavy customer with concurrent clients
 * over HTTP, with the rows scanned per row returned from the server's scan counters.
 *
 * @param spec what to load and how to measure
 */
public record ServingBenchmark(Spec spec) {

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
      boolean load) {

    /** Rows the data set holds. */
    public long totalRowsForReport() {
      return (long) heavyCustomers * heavyRows + (long) (customers - heavyCustomers) * lightRows;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COUNTER =
      Pattern.compile(
          "(?m)^(fundflow_scan_rows_(?:scanned|returned)_total)(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

  /** Loads (unless told not to), measures, prints a report to {@code out}. */
  public void run(ServingConfig base, Connection hbaseForLoad, PrintStream out) throws Exception {
    if (spec.load()) {
      load(hbaseForLoad, out);
    }
    Path users = Files.createTempFile("fundflow-bench-users", ".properties");
    String password = "bench-" + System.nanoTime();
    Files.writeString(users, "bench = " + UserDirectory.hash(password, 4) + " ; *\n");
    ServingConfig config =
        new ServingConfig(
            "127.0.0.1",
            0,
            base.hbase(),
            base.dbUrl(),
            base.dbUser(),
            base.dbPassword(),
            Math.max(base.dbPoolSize(), spec.clients()),
            users,
            base.jwtSecret(),
            base.jwtIssuer(),
            base.tokenTtl(),
            base.cursorSecret(),
            base.maxRange());
    try (ServingServer server = ServingServer.start(config, Clock.systemUTC())) {
      String url = "http://127.0.0.1:" + server.port();
      HttpClient http =
          HttpClient.newBuilder().executor(Executors.newFixedThreadPool(spec.clients())).build();
      String token = login(http, url, password);
      out.printf(
          "%-28s %8s %8s %8s %8s %10s%n",
          "scenario", "p50 ms", "p99 ms", "max ms", "rows/req", "scan ratio");
      for (String who : List.of("light", "heavy")) {
        for (int span : new int[] {1, 30}) {
          measure(http, url, token, who, span, out);
        }
      }
    } finally {
      Files.deleteIfExists(users);
    }
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
    int branch = 1000 + customer % 50;
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

  private void measure(
      HttpClient http, String url, String token, String who, int spanDays, PrintStream out)
      throws Exception {
    boolean heavy = who.equals("heavy");
    run(http, url, token, heavy, spanDays, 7); // warm-up: JIT, connections, block cache
    double[] mid = counters(http, url);
    List<long[]> results = run(http, url, token, heavy, spanDays, 11);
    double[] after = counters(http, url);
    long[] nanos = results.stream().mapToLong(r -> r[0]).sorted().toArray();
    long rows = results.stream().mapToLong(r -> r[1]).sum();
    double scanned = after[0] - mid[0];
    double returned = after[1] - mid[1];
    out.printf(
        "%-28s %8.2f %8.2f %8.2f %8.1f %10.3f%n",
        who + " customer, " + spanDays + "-day page",
        pct(nanos, 0.50),
        pct(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6,
        (double) rows / results.size(),
        returned == 0 ? Double.NaN : scanned / returned);
  }

  /** {@code requests} page requests from {@code clients} threads; each result is {nanos, rows}. */
  private List<long[]> run(
      HttpClient http, String url, String token, boolean heavy, int spanDays, long seed)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(spec.clients());
    try {
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
                    LocalDate from = to.minusDays(spanDays);
                    HttpRequest req =
                        HttpRequest.newBuilder(
                                URI.create(
                                    url
                                        + "/api/v1/customers/"
                                        + clientId(customer)
                                        + "/fund-flows?from="
                                        + from
                                        + "&to="
                                        + to
                                        + "&limit=100"))
                            .header("Authorization", "Bearer " + token)
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                    }
                    mine.add(new long[] {elapsed, JSON.readTree(r.body()).get("items").size()});
                  }
                  return mine;
                }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<List<long[]>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String login(HttpClient http, String url, String password) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/login"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"bench\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    return body.get("token").textValue();
  }

  /** {scanned, returned} from the server's Prometheus counters. */
  private static double[] counters(HttpClient http, String url) throws Exception {
    String text =
        http.send(
                HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    double[] v = new double[2];
    Matcher m = COUNTER.matcher(text);
    while (m.find()) {
      v[m.group(1).contains("scanned") ? 0 : 1] = Double.parseDouble(m.group(2));
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
