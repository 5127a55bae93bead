package io.fundflow.serving.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.config.Settings;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.serving.ServingServer;
import io.fundflow.serving.auth.UserDirectory;
import io.fundflow.serving.config.ServingConfig;
import io.fundflow.stack.StackEndpoints;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;

/**
 * A serving process on the local stack for integration tests, with its users file, an HTTP client
 * and helpers that write test rows through the same codecs as the stream and the batch.
 */
final class ServingFixture implements AutoCloseable {

  static final String PASSWORD = "correct horse";
  static final ObjectMapper JSON = new ObjectMapper();

  final StackEndpoints endpoints;
  final ServingServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final Connection hbase;

  /** Unique per run: the test stack persists between runs. */
  final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

  ServingFixture(StackEndpoints endpoints, Path dir) throws IOException {
    this(endpoints, dir, Map.of());
  }

  /** With {@code overrides} on top of the fixture's configuration (another db user, queue sizes). */
  ServingFixture(StackEndpoints endpoints, Path dir, Map<String, String> overrides)
      throws IOException {
    this.endpoints = endpoints;
    String hash = UserDirectory.hash(PASSWORD, 4);
    Path users = dir.resolve("users.properties");
    Files.writeString(
        users,
        "alice = " + hash + " ; 1001, 1003\nboss = " + hash + " ; *\n",
        StandardCharsets.UTF_8);
    Map<String, String> values =
        new HashMap<>(
            Map.of(
            "http.port", "0",
            "hbase.bootstrap.servers", endpoints.hbase().get("hbase.client.bootstrap.servers"),
            "db.url", endpoints.jdbcUrl(),
            "db.user", endpoints.jdbcUser(),
            "db.password", endpoints.jdbcPassword(),
            "serving.users.file", users.toString(),
            "serving.jwt.secret", "it-jwt-secret-0123456789abcdef0123456789",
            "serving.cursor.secret", "it-cursor-secret-0123456789abcdef012345",
            "serving.max-range", "400d"));
    values.putAll(overrides);
    server =
        ServingServer.start(
            ServingConfig.from(Settings.of(values, "it", Map.of(), Map.of())), Clock.systemUTC());
    hbase =
        ConnectionFactory.createConnection(
            new HBaseClientSettings(endpoints.hbase()).toConfiguration());
  }

  /** The seeded customers: A (branch 1001), B (branch 2002), D (flows 1001, CUSTOMER row 2002). */
  final String a = clientId("A");

  final String b = clientId("B");
  final String d = clientId("D");

  /**
   * Writes the test customers' rows: A's flows on 2025-03-12..14 in CNY and USD with the
   * customer-day summaries of the 13th (CNY) and the 14th (USD), one flow each for B and D, and D's
   * CUSTOMER row.
   */
  void seed() throws Exception {
    writeFlows(
        List.of(
            flow(
                a,
                20250314,
                105,
                "2025-03-14T14:00:00",
                2042,
                "-500.00",
                "9500.00",
                MoneyType.CNY,
                1001),
            flow(
                a,
                20250314,
                104,
                "2025-03-14T10:30:00.250",
                4201,
                "-5.25",
                "10000.00",
                MoneyType.CNY,
                1001),
            flow(
                a,
                20250314,
                103,
                "2025-03-14T09:31:00",
                2041,
                "1234.50",
                "10005.25",
                MoneyType.CNY,
                1001),
            flow(
                a,
                20250314,
                106,
                "2025-03-14T11:00:00",
                2041,
                "100.00",
                "100.00",
                MoneyType.USD,
                1001),
            flow(
                a,
                20250313,
                52,
                "2025-03-13T13:00:00",
                4002,
                "300.00",
                "8770.75",
                MoneyType.CNY,
                1001),
            // Occurred the evening before, booked to the 13th: in the 13th's summary.
            flow(
                a,
                20250313,
                51,
                "2025-03-12T22:00:00",
                4301,
                "0.75",
                "8470.75",
                MoneyType.CNY,
                1001),
            flow(
                b, 20250314, 7, "2025-03-14T10:00:00", 2041, "10.00", "10.00", MoneyType.CNY, 2002),
            flow(
                d,
                20250314,
                8,
                "2025-03-14T10:00:00",
                2041,
                "20.00",
                "20.00",
                MoneyType.CNY,
                1001)));
    writeSummary(
        new CustomerDaySummary(
            new CustomerDayKey(a, 20250313, MoneyType.CNY),
            new BigDecimal("300.75"),
            new BigDecimal("0.00"),
            new BigDecimal("300.75"),
            2,
            Map.of(
                Category.TRADE_SELL, new CategoryTotal(new BigDecimal("300.00"), 1),
                Category.INTEREST, new CategoryTotal(new BigDecimal("0.75"), 1)),
            new BigDecimal("8770.75"),
            LocalDateTime.parse("2025-03-13T13:00:00"),
            52L));
    // The stream keeps a summary row per customer-day-currency: the 14th's USD one.
    writeSummary(
        new CustomerDaySummary(
            new CustomerDayKey(a, 20250314, MoneyType.USD),
            new BigDecimal("100.00"),
            new BigDecimal("0.00"),
            new BigDecimal("100.00"),
            1,
            Map.of(Category.TRANSFER_IN, new CategoryTotal(new BigDecimal("100.00"), 1)),
            new BigDecimal("100.00"),
            LocalDateTime.parse("2025-03-14T11:00:00"),
            106L));
    // D's flows say branch 1001, but the day-end CUSTOMER copy (which wins) says 2002.
    this.sql(
        "INSERT INTO CUSTOMER (CLIENT_ID, BRANCH_NO, CLIENT_STATUS, KEY_CLIENT) VALUES (?, 2002,"
            + " '0', 'N')",
        d);
  }

  void sql(String statement, Object... args) throws java.sql.SQLException {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                endpoints.jdbcUrl(), endpoints.jdbcUser(), endpoints.jdbcPassword());
        java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  String clientId(String suffix) {
    return "T" + runId + suffix;
  }

  /** A DWD flow as the stream would build it; amount's sign gives the direction. */
  static FundFlow flow(
      String clientId,
      int initDate,
      long serialNo,
      String occurTime,
      int flag,
      String amount,
      String postBalance,
      MoneyType moneyType,
      int branch) {
    BigDecimal a = new BigDecimal(amount);
    return new FundFlow(
        initDate,
        serialNo,
        LocalDateTime.parse(occurTime),
        clientId,
        "F" + clientId,
        branch,
        moneyType,
        flag,
        a,
        new BigDecimal(postBalance),
        "MOB",
        "transfer ref ******",
        Category.ofBusinessFlag(flag),
        Direction.of(a),
        false,
        branch,
        3,
        Boolean.FALSE,
        "张*",
        "Mobile app");
  }

  void writeFlows(List<FundFlow> flows) throws IOException {
    try (Table t = hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))) {
      for (FundFlow f : flows) {
        t.put((Put) HBaseMutations.toHBase(FundFlowRows.put(f, 1L)));
      }
    }
  }

  void writeSummary(CustomerDaySummary s) throws IOException {
    try (Table t = hbase.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
      t.put((Put) HBaseMutations.toHBase(CustomerDayRows.put(s, 1L)));
    }
  }

  /** A token for {@code user}. */
  String login(String user) throws Exception {
    HttpResponse<String> r =
        post("/api/v1/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
    if (r.statusCode() != 200) {
      throw new AssertionError("login failed: " + r.body());
    }
    return JSON.readTree(r.body()).get("token").textValue();
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Override
  public void close() throws IOException {
    server.close();
    hbase.close();
  }
}
