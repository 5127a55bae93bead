package io.fundflow.serving.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.config.Settings;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
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
    this.endpoints = endpoints;
    String hash = UserDirectory.hash(PASSWORD, 4);
    Path users = dir.resolve("users.properties");
    Files.writeString(
        users,
        "alice = " + hash + " ; 1001, 1003\nboss = " + hash + " ; *\n",
        StandardCharsets.UTF_8);
    Map<String, String> values =
        Map.of(
            "http.port", "0",
            "hbase.bootstrap.servers", endpoints.hbase().get("hbase.client.bootstrap.servers"),
            "db.url", endpoints.jdbcUrl(),
            "db.user", endpoints.jdbcUser(),
            "db.password", endpoints.jdbcPassword(),
            "serving.users.file", users.toString(),
            "serving.jwt.secret", "it-jwt-secret-0123456789abcdef0123456789",
            "serving.cursor.secret", "it-cursor-secret-0123456789abcdef012345",
            "serving.max-range", "400d");
    server = ServingServer.start(ServingConfig.from(Settings.of(values, "it", Map.of(), Map.of())), Clock.systemUTC());
    hbase = ConnectionFactory.createConnection(new HBaseClientSettings(endpoints.hbase()).toConfiguration());
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  String clientId(String suffix) {
    return "T" + runId + suffix;
  }

  /** A DWD flow as the stream would build it; amount's sign gives the direction. */
  static FundFlow flow(
      String clientId, int initDate, long serialNo, String occurTime, int flag, String amount,
      String postBalance, MoneyType moneyType, int branch) {
    BigDecimal a = new BigDecimal(amount);
    return new FundFlow(
        initDate, serialNo, LocalDateTime.parse(occurTime), clientId, "F" + clientId, branch,
        moneyType, flag, a, new BigDecimal(postBalance), "MOB", "transfer ref ******",
        Category.ofBusinessFlag(flag), Direction.of(a), false, branch, 3, Boolean.FALSE, "张*",
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
