package io.fundflow.serving.it;

import static io.fundflow.serving.it.ServingFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The API against the real local HBase and database: pages, summary, rules, audit, export. */
@ExtendWith(LocalStackExtension.class)
class ServingApiIT {

  @TempDir static Path dir;
  static ServingFixture fx;
  static String a;
  static String b;
  static String d;
  static String alice;
  static String boss;

  static final String RANGE = "from=2025-03-13&to=2025-03-15";

  @BeforeAll
  static void start(StackEndpoints endpoints) throws Exception {
    fx = new ServingFixture(endpoints, dir);
    a = fx.a;
    b = fx.b;
    d = fx.d;
    fx.seed();
    alice = fx.login("alice");
    boss = fx.login("boss");
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
  }

  private static void sql(String statement, Object... args) throws Exception {
    fx.sql(statement, args);
  }

  private static List<String> audit(String clientId) throws Exception {
    // Audit rows are written asynchronously: wait for those of the requests made so far.
    assertTrue(fx.server.awaitAuditWritten(java.time.Duration.ofSeconds(30)), "audit written");
    List<String> rows = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                fx.endpoints.jdbcUrl(), fx.endpoints.jdbcUser(), fx.endpoints.jdbcPassword());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT USERNAME, OUTCOME, STATUS_CODE, ROWS_RETURNED, RANGE_FROM, RANGE_TO"
                    + " FROM AUDIT_QUERY WHERE CLIENT_ID = ? ORDER BY ID")) {
      ps.setString(1, clientId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              String.join(
                  " ",
                  rs.getString(1),
                  rs.getString(2),
                  Integer.toString(rs.getInt(3)),
                  String.valueOf(rs.getObject(4)),
                  String.valueOf(rs.getTimestamp(5)),
                  String.valueOf(rs.getTimestamp(6))));
        }
      }
    }
    return rows;
  }

  private static String flows(String clientId) {
    return "/api/v1/customers/" + clientId + "/fund-flows";
  }

  private static String item(
      int initDate,
      long serial,
      String time,
      String clientId,
      int flag,
      String category,
      String direction,
      String amount,
      String post,
      String moneyType) {
    return "{\"initDate\":"
        + initDate
        + ",\"serialNo\":"
        + serial
        + ",\"occurTime\":\""
        + time
        + "\",\"fundAccount\":\"F"
        + clientId
        + "\",\"branchNo\":1001,\"moneyType\":\""
        + moneyType
        + "\",\"businessFlag\":"
        + flag
        + ",\"category\":\""
        + category
        + "\",\"direction\":\""
        + direction
        + "\",\"amount\":\""
        + amount
        + "\",\"postBalance\":\""
        + post
        + "\",\"channel\":\"MOB\",\"channelName\":\"Mobile app\",\"remark\":\"transfer ref"
        + " ******\"}";
  }

  @Test
  void pagesComeNewestFirstWithExactJsonAndOpaqueCursors() throws Exception {
    HttpResponse<String> p1 = fx.get(flows(a) + "?" + RANGE + "&limit=2", alice);
    assertEquals(200, p1.statusCode(), p1.body());
    String cursor1 = json(p1).get("nextCursor").textValue();
    assertNotNull(cursor1);
    assertEquals(
        "{\"clientId\":\""
            + a
            + "\",\"from\":\"2025-03-13T00:00:00.000\",\"to\":\"2025-03-15T00:00:00.000\","
            + "\"items\":["
            + item(
                20250314,
                105,
                "2025-03-14T14:00:00.000",
                a,
                2042,
                "TRANSFER_OUT",
                "OUT",
                "-500.00",
                "9500.00",
                "CNY")
            + ","
            + item(
                20250314,
                106,
                "2025-03-14T11:00:00.000",
                a,
                2041,
                "TRANSFER_IN",
                "IN",
                "100.00",
                "100.00",
                "USD")
            + "],\"nextCursor\":\""
            + cursor1
            + "\"}",
        p1.body());

    HttpResponse<String> p2 = fx.get(flows(a) + "?" + RANGE + "&limit=2&cursor=" + cursor1, alice);
    assertEquals(200, p2.statusCode(), p2.body());
    assertEquals(List.of(104L, 103L), serials(json(p2)));
    assertEquals(
        "2025-03-14T10:30:00.250", json(p2).get("items").get(0).get("occurTime").textValue());
    String cursor2 = json(p2).get("nextCursor").textValue();

    HttpResponse<String> p3 = fx.get(flows(a) + "?" + RANGE + "&limit=2&cursor=" + cursor2, alice);
    assertEquals(List.of(52L), serials(json(p3)));
    assertTrue(json(p3).get("nextCursor").isNull(), "last page has no cursor");

    // A cursor is bound to its query: another customer, range or filter is refused.
    HttpResponse<String> foreign =
        fx.get(flows(a) + "?from=2025-03-13&to=2025-03-16&limit=2&cursor=" + cursor1, alice);
    assertEquals(400, foreign.statusCode());
    assertEquals("cursor", json(foreign).get("parameter").textValue());
    String tampered =
        cursor1.substring(0, 10) + (cursor1.charAt(10) == 'A' ? 'B' : 'A') + cursor1.substring(11);
    assertEquals(
        400, fx.get(flows(a) + "?" + RANGE + "&limit=2&cursor=" + tampered, alice).statusCode());
  }

  @Test
  void filtersRunOnTheServerAndPageTogether() throws Exception {
    JsonNode in = json(fx.get(flows(a) + "?" + RANGE + "&direction=IN", alice));
    assertEquals(List.of(106L, 103L, 52L), serials(in));
    JsonNode cny =
        json(
            fx.get(
                flows(a) + "?" + RANGE + "&direction=IN&moneyType=CNY&category=TRANSFER_IN,FEE",
                alice));
    assertEquals(List.of(103L), serials(cny));
    JsonNode fees = json(fx.get(flows(a) + "?" + RANGE + "&category=fee&limit=1", alice));
    assertEquals(List.of(104L), serials(fees));
    assertTrue(fees.get("nextCursor").isNull());
    // Half-open: to = 14:00 excludes the 14:00 entry; an exact millisecond bound includes
    // 10:30.250.
    JsonNode window =
        json(fx.get(flows(a) + "?from=2025-03-14T10:30:00.250&to=2025-03-14T14:00", alice));
    assertEquals(List.of(106L, 104L), serials(window));
  }

  @Test
  void summaryUsesDaySummariesForWholeDaysAndDetailsForPartialOnes() throws Exception {
    HttpResponse<String> r =
        fx.get(flows(a) + "/summary?from=2025-03-13&to=2025-03-14T12:00", alice);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        "{\"clientId\":\""
            + a
            + "\",\"from\":\"2025-03-13T00:00:00.000\",\"to\":\"2025-03-14T12:00:00.000\","
            + "\"moneyType\":\"CNY\",\"inflow\":\"1535.25\",\"outflow\":\"5.25\",\"net\":\"1530.00\",\"count\":4,"
            + "\"byCategory\":{\"TRANSFER_IN\":{\"amount\":\"1234.50\",\"count\":1},"
            + "\"TRADE_SELL\":{\"amount\":\"300.00\",\"count\":1},"
            + "\"FEE\":{\"amount\":\"-5.25\",\"count\":1},"
            + "\"INTEREST\":{\"amount\":\"0.75\",\"count\":1}}}",
        r.body());
    // Two whole days: both from the summary rows.
    JsonNode usd = json(fx.get(flows(a) + "/summary?" + RANGE + "&moneyType=USD", alice));
    assertEquals("100.00", usd.get("net").textValue());
    assertEquals(1, usd.get("count").intValue());
  }

  @Test
  void withoutAValidTokenItIs401AndAudited() throws Exception {
    HttpResponse<String> none = fx.get(flows(b) + "?" + RANGE, null);
    assertEquals(401, none.statusCode());
    assertTrue(json(none).get("error").textValue().contains("token"));
    assertEquals(401, fx.get(flows(b) + "?" + RANGE, alice + "x").statusCode());
    assertEquals(
        401,
        fx.post("/api/v1/login", "{\"username\":\"alice\",\"password\":\"nope\"}").statusCode());
    HttpResponse<String> noBody = fx.post("/api/v1/login", "{\"username\":\"alice\"}");
    assertEquals(400, noBody.statusCode());
    assertEquals("password", json(noBody).get("parameter").textValue());
  }

  @Test
  void aCustomerOfAnotherBranchIs403AndEveryQueryIsAudited() throws Exception {
    HttpResponse<String> refused = fx.get(flows(b) + "?" + RANGE, alice);
    assertEquals(403, refused.statusCode());
    assertFalse(refused.body().contains("10.00"), "no data in a refusal");
    assertEquals(403, fx.get(flows(b) + "/summary?" + RANGE, alice).statusCode());
    assertEquals(403, fx.get(flows(b) + ".csv?" + RANGE, alice).statusCode());
    // Even a filter that selects nothing does not reveal the customer to a foreign trader.
    assertEquals(403, fx.get(flows(b) + "?" + RANGE + "&category=FEE", alice).statusCode());
    HttpResponse<String> allowed = fx.get(flows(b) + "?" + RANGE, boss);
    assertEquals(200, allowed.statusCode());
    assertEquals(List.of(7L), serials(json(allowed)));
    // The day-end CUSTOMER copy wins over the branch on the flows.
    assertEquals(403, fx.get(flows(d) + "?" + RANGE, alice).statusCode());
    HttpResponse<String> bad = fx.get(flows(b) + "?from=2025-03-13&to=2025-03-12", alice);
    assertEquals(400, bad.statusCode());

    assertEquals(
        List.of(
            "alice FORBIDDEN 403 null 2025-03-13 00:00:00.0 2025-03-15 00:00:00.0",
            "alice FORBIDDEN 403 null 2025-03-13 00:00:00.0 2025-03-15 00:00:00.0",
            "alice FORBIDDEN 403 null 2025-03-13 00:00:00.0 2025-03-15 00:00:00.0",
            "alice FORBIDDEN 403 null 2025-03-13 00:00:00.0 2025-03-15 00:00:00.0",
            "boss OK 200 1 2025-03-13 00:00:00.0 2025-03-15 00:00:00.0",
            "alice BAD_REQUEST 400 null null null"),
        audit(b).stream().filter(s -> !s.startsWith("(anonymous)")).toList());
    // After the first refusal B's branch came from the cache, and still refused.
    java.util.regex.Matcher hits =
        java.util.regex.Pattern.compile(
                "(?m)^cache_gets_total\\{cache=\"customer-branch\",result=\"hit\"\\} (\\S+)$")
            .matcher(fx.get("/metrics", null).body());
    assertTrue(hits.find(), "branch cache hits exported");
    assertTrue(Double.parseDouble(hits.group(1)) >= 3, "cache hits: " + hits.group(1));
  }

  @Test
  void badParametersAre400NamingTheParameterNever500() throws Exception {
    String[][] cases = {
      {"?from=yesterday&to=2025-03-15", "from"},
      {"?from=2025-03-13", "to"},
      {"?from=2025-03-15&to=2025-03-13", "to"},
      {"?from=2020-01-01&to=2025-03-13", "to"},
      {"?" + RANGE + "&category=LOTTERY", "category"},
      {"?" + RANGE + "&limit=0", "limit"},
      {"?" + RANGE + "&limit=1001", "limit"},
      {"?" + RANGE + "&cursor=%25%25", "cursor"},
      {"?" + RANGE + "&direction=SIDEWAYS", "direction"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = fx.get(flows(a) + c[0], alice);
      assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
      assertEquals(c[1], json(r).get("parameter").textValue(), c[0]);
      assertFalse(r.body().contains("Exception"), r.body());
    }
    HttpResponse<String> longId = fx.get(flows("1234567890123456789012") + "?" + RANGE, alice);
    assertEquals(400, longId.statusCode());
    assertEquals("clientId", json(longId).get("parameter").textValue());
  }

  @Test
  void csvExportStreamsTheWholeQuery() throws Exception {
    HttpResponse<String> r = fx.get(flows(a) + ".csv?" + RANGE + "&moneyType=CNY&limit=1", alice);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    String[] lines = r.body().split("\r\n");
    assertEquals(5, lines.length, r.body()); // header + 4 CNY flows in range, limit ignored
    assertTrue(lines[0].startsWith("initDate,serialNo,occurTime"));
    assertEquals(
        "20250314,105,2025-03-14T14:00:00.000,F"
            + a
            + ",1001,CNY,2042,TRANSFER_OUT,OUT,-500.00,9500.00,MOB,Mobile app,transfer ref ******",
        lines[1]);
  }

  @Test
  void advisoryDailyReadsTheAdsTable() throws Exception {
    String portfolio = "IT" + fx.runId;
    sql(
        "INSERT INTO ADS_ADVISORY_DAILY (TRADE_DATE, PORTFOLIO_CODE, NEW_SIGNED_CUSTOMERS,"
            + " APPLIED_CONTRACTS, SIGNED_CONTRACTS, SIGN_RATE, ADDED_CUSTOMERS, ADDED_AMOUNT,"
            + " REDEEMED_AMOUNT, RETAINED_CUSTOMERS, AUM, UPDATED_AT, SOURCE) VALUES (20240102, ?,"
            + " 2, 3, 2, 0.6667, 1, 1000.5, 0, 2, 5000.25, TIMESTAMP '2024-01-02 20:00:00',"
            + " 'BATCH')",
        portfolio);
    HttpResponse<String> r = fx.get("/api/v1/advisory/daily?date=20240102", alice);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode row = null;
    for (JsonNode n : json(r).get("rows")) {
      if (portfolio.equals(n.get("portfolioCode").textValue())) {
        row = n;
      }
    }
    assertNotNull(row, r.body());
    assertEquals(
        "{\"tradeDate\":20240102,\"portfolioCode\":\""
            + portfolio
            + "\",\"newSignedCustomers\":2,"
            + "\"appliedContracts\":3,\"signedContracts\":2,\"signRate\":\"0.6667\",\"addedCustomers\":1,"
            + "\"addedAmount\":\"1000.50\",\"redeemedAmount\":\"0.00\",\"retainedCustomers\":2,"
            + "\"aum\":\"5000.25\",\"updatedAt\":\"2024-01-02T20:00\",\"source\":\"BATCH\"}",
        row.toString());
    assertEquals(400, fx.get("/api/v1/advisory/daily?date=2024-01-02", alice).statusCode());
    assertEquals(401, fx.get("/api/v1/advisory/daily?date=20240102", null).statusCode());
  }

  @Test
  void healthMetricsAndOpenApiAreServed() throws Exception {
    fx.get(flows(a) + "?" + RANGE, alice);
    HttpResponse<String> health = fx.get("/health", null);
    assertEquals(200, health.statusCode());
    assertEquals(
        "{\"status\":\"UP\",\"database\":\"UP\",\"hbase\":\"UP\",\"audit\":\"UP\"}",
        health.body());
    String metrics = fx.get("/metrics", null).body();
    assertTrue(
        metrics.contains(
            "fundflow_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/customers/{clientId}/fund-flows\",status=\"200\"}"),
        metrics);
    assertTrue(metrics.contains("fundflow_http_requests_seconds_bucket{"), "latency histogram");
    HttpResponse<String> openapi = fx.get("/openapi.yaml", null);
    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/v1/customers/{clientId}/fund-flows"));
  }

  private static List<Long> serials(JsonNode page) {
    List<Long> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("serialNo").longValue()));
    return out;
  }
}
