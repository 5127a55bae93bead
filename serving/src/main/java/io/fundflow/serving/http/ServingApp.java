package io.fundflow.serving.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.codec.FundFlowJsonView;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.serving.auth.TokenIssuer;
import io.fundflow.serving.auth.TokenVerifier;
import io.fundflow.serving.auth.Trader;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.serving.query.BadParameterException;
import io.fundflow.serving.query.CursorCodec;
import io.fundflow.serving.query.FlowQuery;
import io.fundflow.serving.query.QueryParameters;
import io.fundflow.serving.query.SummaryPlan;
import io.fundflow.serving.query.SummaryQuery;
import io.fundflow.serving.query.SummaryTotals;
import io.fundflow.serving.store.AuditEntry;
import io.fundflow.serving.store.AuditWriter;
import io.fundflow.serving.store.BranchCache;
import io.fundflow.serving.store.FlowPage;
import io.fundflow.serving.store.FundFlowStore;
import io.fundflow.serving.store.PlatformDatabase;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API, the web page and the operational endpoints, on Javalin. Handlers parse with {@link
 * QueryParameters}, authorise, read through {@link FundFlowStore} and {@link PlatformDatabase}, and
 * audit every query, refused ones included, in {@code AUDIT_QUERY}. Audit rows are handed to the
 * {@link AuditWriter} without waiting for the database; the authorisation check reads customers'
 * branches through a {@link BranchCache}.
 */
public final class ServingApp {

  /** Business time zone: ranges and audit times are Asia/Shanghai local times. */
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static final String ANONYMOUS = "(anonymous)";
  private static final Logger LOG = LoggerFactory.getLogger(ServingApp.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Per thread, the first block answers are rendered into; larger ones grow past it. Jetty's pool
   * reuses its (platform) threads, so each keeps one block.
   */
  private static final ThreadLocal<byte[]> RENDER_BLOCK =
      ThreadLocal.withInitial(() -> new byte[64 * 1024]);
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final String AUDIT_UNAVAILABLE =
      "the audit log cannot take the query now; try again later";

  private final UserDirectory users;
  private final TokenIssuer issuer;
  private final TokenVerifier verifier;
  private final QueryParameters parameters;
  private final CursorCodec cursors;
  private final FundFlowStore store;
  private final PlatformDatabase database;
  private final AuditWriter audit;
  private final boolean refuseUnaudited;
  private final BranchCache branches;
  private final RouteMetrics metrics;
  private final Clock clock;
  // Branch lookups in the database, overlapping the HBase scan; daemon threads, stopped by close.
  private final ExecutorService lookups =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "branch-lookup");
            t.setDaemon(true);
            return t;
          });

  public ServingApp(
      UserDirectory users,
      TokenIssuer issuer,
      TokenVerifier verifier,
      CursorCodec cursors,
      Duration maxRange,
      FundFlowStore store,
      PlatformDatabase database,
      AuditWriter audit,
      boolean refuseUnaudited,
      BranchCache branches,
      RouteMetrics metrics,
      Clock clock) {
    this.users = users;
    this.issuer = issuer;
    this.verifier = verifier;
    this.cursors = cursors;
    this.parameters = new QueryParameters(maxRange, cursors);
    this.store = store;
    this.database = database;
    this.audit = audit;
    this.refuseUnaudited = refuseUnaudited;
    this.branches = branches;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** A Javalin server with every route, not yet started. */
  public Javalin create() {
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.staticFiles.add("/public", Location.CLASSPATH);
              cfg.requestLogger.http(
                  (ctx, ms) ->
                      metrics.record(
                          route(ctx),
                          ctx.method().name(),
                          ctx.statusCode(),
                          Duration.ofNanos((long) (ms * 1_000_000))));
            });
    app.post("/api/v1/login", this::login);
    app.get("/api/v1/customers/{clientId}/fund-flows", this::fundFlows);
    app.get("/api/v1/customers/{clientId}/fund-flows/summary", this::summary);
    app.get("/api/v1/customers/{clientId}/fund-flows.csv", this::export);
    app.get("/api/v1/advisory/daily", this::advisoryDaily);
    app.get("/health", this::health);
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.exception(
        BadParameterException.class, (e, ctx) -> error(ctx, 400, e.getMessage(), e.parameter()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          // Never a stack trace in a response: the log has it.
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          error(ctx, 500, "internal error", null);
        });
    return app;
  }

  private static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() ? "unmatched" : path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  // ---- login -----------------------------------------------------------------------------------

  private void login(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      error(ctx, 400, "body: expected JSON {\"username\": ..., \"password\": ...}", "body");
      return;
    }
    String username = text(body, "username", 64);
    String password = text(body, "password", 200);
    Optional<Trader> trader = users.authenticate(username, password);
    if (trader.isEmpty()) {
      error(ctx, 401, "invalid username or password", null);
      return;
    }
    TokenIssuer.Token token = issuer.issue(trader.get());
    ObjectNode out = JSON.createObjectNode();
    out.put("token", token.token());
    out.put("expiresAt", token.expiresAt().toString());
    out.put("username", trader.get().username());
    send(ctx, 200, out);
  }

  private static String text(JsonNode body, String field, int maxLength) {
    JsonNode v = body == null ? null : body.get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
      throw new BadParameterException(field, "required, a non-empty string");
    }
    if (v.textValue().length() > maxLength) {
      throw new BadParameterException(field, "longer than " + maxLength + " characters");
    }
    return v.textValue();
  }

  // ---- queries ---------------------------------------------------------------------------------

  private void fundFlows(Context ctx) {
    Audit a = new Audit("fund-flows");
    audited(
        ctx,
        a,
        () -> {
          Trader trader = authenticate(ctx, a);
          FlowQuery q = parameters.flows(ctx.pathParam("clientId"), ctx.queryParamMap());
          a.query(q.clientId(), q.from(), q.to(), q.describeFilters());
          // The branch lookup runs while HBase scans: a cache miss costs max(scan, lookup), not both.
          CompletableFuture<KnownBranch> known = knownBranch(trader, q.clientId());
          FlowPage page = store.page(q);
          // A first unfiltered page starts with the range's newest row: no second read needed.
          Optional<Optional<FundFlowJsonView>> newest =
              !q.filtered() && q.afterRowKey().isEmpty()
                  ? Optional.of(page.flows().stream().findFirst())
                  : Optional.empty();
          authorize(trader, q.clientId(), q.from(), q.to(), newest, known);
          metrics.recordScan(page.rowsScanned(), page.flows().size());
          String nextCursor = page.lastRowKey().map(k -> cursors.encode(q, k)).orElse(null);
          a.rows(page.flows().size());
          // Written straight to the generator: no tree of 100 items built and then walked.
          return g -> {
            g.writeStartObject();
            g.writeStringField("clientId", q.clientId());
            g.writeStringField("from", FlowFormat.time(q.from()));
            g.writeStringField("to", FlowFormat.time(q.to()));
            g.writeArrayFieldStart("items");
            for (FundFlowJsonView f : page.flows()) {
              FlowFormat.writeItem(g, f);
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", nextCursor);
            g.writeEndObject();
          };
        });
  }

  private void summary(Context ctx) {
    Audit a = new Audit("summary");
    audited(
        ctx,
        a,
        () -> {
          Trader trader = authenticate(ctx, a);
          SummaryQuery q = parameters.summary(ctx.pathParam("clientId"), ctx.queryParamMap());
          a.query(q.clientId(), q.from(), q.to(), "moneyType=" + q.moneyType());
          authorize(
              trader,
              q.clientId(),
              q.from(),
              q.to(),
              Optional.empty(),
              knownBranch(trader, q.clientId()));
          SummaryPlan plan = SummaryPlan.of(q.from(), q.to());
          SummaryTotals totals = new SummaryTotals();
          long days = 0;
          for (CustomerDaySummary s :
              store.summaries(q.clientId(), plan.wholeInitDates(), q.moneyType())) {
            totals.add(s);
            days++;
          }
          long[] details = {0};
          for (SummaryPlan.Interval part : plan.partials()) {
            store.forEachInRange(
                q.clientId(),
                part.from(),
                part.to(),
                f -> {
                  if (f.moneyType() == q.moneyType() && plan.countsDetail(f.initDate())) {
                    totals.add(f);
                    details[0]++;
                  }
                });
          }
          ObjectNode out = JSON.createObjectNode();
          out.put("clientId", q.clientId());
          out.put("from", FlowFormat.time(q.from()));
          out.put("to", FlowFormat.time(q.to()));
          out.put("moneyType", q.moneyType().name());
          out.put("inflow", FlowFormat.money(totals.inflow()));
          out.put("outflow", FlowFormat.money(totals.outflow()));
          out.put("net", FlowFormat.money(totals.net()));
          out.put("count", totals.count());
          ObjectNode byCategory = out.putObject("byCategory");
          totals
              .byCategory()
              .forEach(
                  (c, t) -> {
                    ObjectNode n = byCategory.putObject(c.name());
                    n.put("amount", FlowFormat.money(t.sum()));
                    n.put("count", t.count());
                  });
          a.rows(days + details[0]);
          return tree(out);
        });
  }

  private void advisoryDaily(Context ctx) {
    Audit a = new Audit("advisory-daily");
    audited(
        ctx,
        a,
        () -> {
          authenticate(ctx, a);
          int date = parameters.advisoryDate(ctx.queryParamMap());
          a.filters = "date=" + date;
          ArrayNode rows = database.advisoryDaily(date);
          ObjectNode out = JSON.createObjectNode();
          out.put("date", date);
          out.set("rows", rows);
          a.rows(rows.size());
          return tree(out);
        });
  }

  /** The CSV export: checked and authorised like a page, then streamed row by row. */
  private void export(Context ctx) {
    Audit a = new Audit("fund-flows.csv");
    FlowQuery q;
    try {
      Trader trader = authenticate(ctx, a);
      q = parameters.flows(ctx.pathParam("clientId"), ctx.queryParamMap());
      a.query(q.clientId(), q.from(), q.to(), q.describeFilters());
      authorize(
          trader,
          q.clientId(),
          q.from(),
          q.to(),
          Optional.empty(),
          knownBranch(trader, q.clientId()));
    } catch (Exception e) {
      refuse(ctx, a, e);
      return;
    }
    // The export's row is written when the stream ends: hold its place before the first byte.
    Optional<AuditWriter.Reservation> place = audit.reserve();
    if (place.isEmpty() && refuseUnaudited) {
      refuseUnauditable(ctx, a);
      return;
    }
    try {
      a.rows(stream(ctx, q));
      record(place, a.entry(a.username, a.rowsReturned, "OK", 200));
    } catch (IOException | UncheckedIOException e) {
      // Headers are gone: the client sees a truncated download; the audit says so.
      LOG.warn("CSV export of {} ended early: {}", q.clientId(), e.toString());
      a.filters += ";truncated";
      record(place, a.entry(a.username, null, "ERROR", 200));
    } finally {
      place.ifPresent(AuditWriter.Reservation::close); // gives the place back if still unused
    }
  }

  /** Writes the CSV answer; returns the rows written. */
  private long stream(Context ctx, FlowQuery q) throws IOException {
    ctx.status(200);
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"fund-flows-"
            + q.clientId().replaceAll("[^A-Za-z0-9_-]", "_")
            + ".csv\"");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
    out.write(FlowFormat.CSV_HEADER);
    long rows =
        store.forEach(
            q,
            f -> {
              try {
                out.write(FlowFormat.csvLine(f));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    out.flush();
    return rows;
  }

  private Trader authenticate(Context ctx, Audit a) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiError.unauthorized();
    }
    Trader t = verifier.verify(header.substring(7).trim()).orElseThrow(ApiError::unauthorized);
    a.username = t.username();
    return t;
  }

  /**
   * Refuses (403) a customer outside the trader's branches. The branch comes from the data: the
   * day-end CUSTOMER copy when it knows the customer, else the branch on the customer's newest flow
   * in the range (a customer opened today is not in the copy yet). With neither, there is nothing
   * of the customer to show, and the empty answer discloses nothing.
   */
  private void authorize(
      Trader trader,
      String clientId,
      LocalDateTime from,
      LocalDateTime to,
      Optional<Optional<FundFlowJsonView>> newestIfRead,
      CompletableFuture<KnownBranch> knownBranch)
      throws SQLException, IOException {
    if (trader.allBranches()) {
      return;
    }
    KnownBranch known = join(knownBranch);
    Optional<Integer> branch = known.branch();
    if (!known.cached()) {
      if (branch.isEmpty()) {
        Optional<FundFlowJsonView> newest =
            newestIfRead.isPresent() ? newestIfRead.get() : store.newest(clientId, from, to);
        branch =
            newest.map(f -> f.customerBranchNo() != null ? f.customerBranchNo() : f.branchNo());
      }
      // Only a freshly resolved branch is cached: re-putting a hit would restart its expiry.
      branch.ifPresent(b -> branches.put(clientId, b));
    }
    if (branch.isPresent() && !trader.maySee(branch.get())) {
      throw ApiError.forbidden(clientId);
    }
  }

  /** A customer's branch as the cache or the day-end CUSTOMER copy knows it, and from which. */
  private record KnownBranch(Optional<Integer> branch, boolean cached) {}

  /** Starts looking up the customer's branch: the cache at once, else the database in the pool. */
  private CompletableFuture<KnownBranch> knownBranch(Trader trader, String clientId) {
    if (trader.allBranches()) {
      return CompletableFuture.completedFuture(new KnownBranch(Optional.empty(), true));
    }
    Optional<Integer> cached = branches.get(clientId);
    if (cached.isPresent()) {
      return CompletableFuture.completedFuture(new KnownBranch(cached, true));
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new KnownBranch(database.customerBranch(clientId), false);
          } catch (SQLException e) {
            throw new CompletionException(e);
          }
        },
        lookups);
  }

  private static KnownBranch join(CompletableFuture<KnownBranch> known) throws SQLException {
    try {
      return known.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Stops the branch-lookup threads. */
  public void close() {
    lookups.shutdown();
  }

  // ---- audit and answers -----------------------------------------------------------------------

  /** What the audit row of one request will say; filled in as the request is understood. */
  private final class Audit {
    final String route;
    String username = ANONYMOUS;
    String clientId;
    LocalDateTime from;
    LocalDateTime to;
    String filters = "";
    Long rowsReturned;
    final LocalDateTime askedAt = LocalDateTime.now(clock.withZone(SHANGHAI));

    Audit(String route) {
      this.route = route;
    }

    void query(String clientId, LocalDateTime from, LocalDateTime to, String filters) {
      this.clientId = clientId;
      this.from = from;
      this.to = to;
      this.filters = filters;
    }

    void rows(long n) {
      rowsReturned = n;
    }

    AuditEntry entry(String user, Long rows, String outcome, int status) {
      String described = route + (filters.isEmpty() ? "" : ";" + filters);
      return new AuditEntry(user, clientId, from, to, described, rows, outcome, status, askedAt);
    }
  }

  /** A step that builds a JSON answer and may fail with a refusal. */
  private interface Answer {
    Body build() throws Exception;
  }

  /** A JSON answer, written to a generator. */
  private interface Body {
    void writeTo(JsonGenerator g) throws IOException;
  }

  private static Body tree(JsonNode node) {
    return g -> JSON.writeTree(g, node);
  }

  private void audited(Context ctx, Audit a, Answer answer) {
    byte[] body;
    try {
      // Rendered inside the try: an answer that cannot be written is refused and audited as such.
      body = render(answer.build());
    } catch (Exception e) {
      refuse(ctx, a, e);
      return;
    }
    Optional<AuditWriter.Reservation> place = audit.reserve();
    if (place.isEmpty() && refuseUnaudited) {
      refuseUnauditable(ctx, a);
      return;
    }
    record(place, a.entry(a.username, a.rowsReturned, "OK", 200));
    ctx.status(200).contentType(JSON_TYPE).result(body);
  }

  /**
   * UTF-8 bytes straight from the generator: no intermediate String to encode again. Written into
   * the thread's render block first, so a page of 100 items (~40 KB) does not grow a buffer from
   * 8 KB (new blocks, each zeroed, then joined: a tenth of a full page's CPU in the serving
   * benchmark); only the exact-size answer is allocated per request.
   */
  private static byte[] render(Body body) throws IOException {
    ByteArrayBuilder bytes = ByteArrayBuilder.fromInitial(RENDER_BLOCK.get(), 0);
    try (JsonGenerator g = JSON.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      body.writeTo(g);
    }
    return bytes.toByteArray();
  }

  /**
   * Answers a failed request with its status and audits it; the pathParam is kept for the audit.
   */
  private void refuse(Context ctx, Audit a, Exception e) {
    int status;
    String outcome;
    String message;
    String parameter = null;
    if (e instanceof BadParameterException bad) {
      status = 400;
      outcome = "BAD_REQUEST";
      message = bad.getMessage();
      parameter = bad.parameter();
      if (a.clientId == null && !"clientId".equals(bad.parameter())) {
        a.clientId = ctx.pathParamMap().get("clientId");
      }
    } else if (e instanceof ApiError api) {
      status = api.status();
      outcome = api.outcome();
      message = api.getMessage();
      if (a.clientId == null) {
        a.clientId = ctx.pathParamMap().get("clientId");
      }
    } else if (e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof SQLException) {
      // UncheckedIOException: HBase's scanner iterator wraps a timed-out or failed scan in it.
      LOG.warn("store unavailable on {}: {}", ctx.path(), e.toString());
      status = 503;
      outcome = "UNAVAILABLE";
      message = "the data store is unavailable; try again later";
    } else {
      LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
      status = 500;
      outcome = "ERROR";
      message = "internal error";
    }
    a.filters = (a.filters.isEmpty() ? "" : a.filters + ";") + "refused: " + message;
    write(a.entry(a.username, null, outcome, status));
    error(ctx, status, message, parameter);
  }

  /** Queues the row; a row dropped on a full queue is counted and logged by the writer. */
  private void write(AuditEntry entry) {
    audit.submit(entry);
  }

  /** Queues the row in its reserved place, or as any row when none was reserved. */
  private void record(Optional<AuditWriter.Reservation> place, AuditEntry entry) {
    if (place.isPresent()) {
      place.get().submit(entry);
    } else {
      write(entry);
    }
  }

  /**
   * Answers 503 to a query the audit log cannot take: nothing is served unaudited. Its row cannot
   * be queued either; the writer logs and counts it as dropped, saying it was refused.
   */
  private void refuseUnauditable(Context ctx, Audit a) {
    a.filters = (a.filters.isEmpty() ? "" : a.filters + ";") + "refused: " + AUDIT_UNAVAILABLE;
    write(a.entry(a.username, null, "UNAVAILABLE", 503));
    error(ctx, 503, AUDIT_UNAVAILABLE, null);
  }

  private static void error(Context ctx, int status, String message, String parameter) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", message);
    if (parameter != null) {
      out.put("parameter", parameter);
    }
    send(ctx, status, out);
  }

  private static void send(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType(JSON_TYPE).result(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- health ----------------------------------------------------------------------------------

  private void health(Context ctx) {
    boolean db = database.reachable();
    boolean hbase = store.reachable();
    boolean auditFull = audit.full();
    // A full audit queue stops queries only when unaudited answers are refused.
    boolean up = db && hbase && !(auditFull && refuseUnaudited);
    ObjectNode out = JSON.createObjectNode();
    out.put("status", up ? "UP" : "DOWN");
    out.put("database", db ? "UP" : "DOWN");
    out.put("hbase", hbase ? "UP" : "DOWN");
    out.put("audit", auditFull ? "FULL" : "UP");
    send(ctx, up ? 200 : 503, out);
  }
}
