package io.fundflow.stack.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Flink is healthy when its REST API answers {@code /overview} with a TaskManager registered. */
public final class FlinkHealth implements HealthCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String restUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public FlinkHealth(String restUrl) {
    this.restUrl = restUrl;
  }

  @Override
  public void check() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(restUrl + "/overview"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /overview answered " + response.statusCode());
    }
    JsonNode overview = JSON.readTree(response.body());
    if (overview.path("taskmanagers").asInt(0) < 1) {
      throw new IllegalStateException("no TaskManager registered yet");
    }
  }
}
