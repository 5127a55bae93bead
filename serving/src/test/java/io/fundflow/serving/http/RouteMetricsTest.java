package io.fundflow.serving.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouteMetricsTest {

  @Test
  void eachRouteMethodAndStatusKeepsItsOwnCountAcrossRequests() {
    RouteMetrics m = new RouteMetrics();
    m.record("/api/v1/login", "POST", 200, Duration.ofMillis(3));
    m.record("/api/v1/login", "POST", 200, Duration.ofMillis(5));
    m.record("/api/v1/login", "POST", 401, Duration.ofMillis(2));
    m.record("/health", "GET", 200, Duration.ofMillis(1));
    String text = m.scrape();
    assertTrue(
        text.contains(
            "fundflow_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/login\","
                + "status=\"200\"} 2"),
        text);
    assertTrue(
        text.contains(
            "fundflow_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/login\","
                + "status=\"401\"} 1"),
        text);
    assertTrue(
        text.contains(
            "fundflow_http_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 1"),
        text);
    assertTrue(text.contains("fundflow_http_requests_seconds_bucket{"), "histogram buckets: " + text);
  }
}
