package io.fundflow.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A trader's view through the serving API: what the demo queries to show the corrected values. */
public final class TraderApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  private TraderApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Signs in. */
  public static TraderApi login(String baseUrl, String username, String password)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String body = JSON.writeValueAsString(Map.of("username", username, "password", password));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("login failed: " + r.statusCode() + " " + r.body());
    }
    return new TraderApi(baseUrl, JSON.readTree(r.body()).path("token").asText());
  }

  /** Every fund flow of a customer on {@code day} (all pages), newest first. */
  public List<JsonNode> fundFlows(String clientId, LocalDate day)
      throws IOException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      String q =
          "from=" + day + "&to=" + day.plusDays(1) + "&limit=1000"
              + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = get("/api/v1/customers/" + clientId + "/fund-flows?" + q);
      page.path("items").forEach(items::add);
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
    } while (cursor != null);
    return items;
  }

  /** The customer's summary for {@code day}. */
  public JsonNode summary(String clientId, LocalDate day) throws IOException, InterruptedException {
    return get(
        "/api/v1/customers/" + clientId + "/fund-flows/summary?from=" + day + "&to=" + day.plusDays(1));
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
