package io.fundflow.serving.http;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Request counts and latency histograms per route, method and status, scraped by Prometheus as
 * {@code fundflow_http_requests_seconds_{count,sum,bucket}}; plus rows scanned and returned by the
 * fund-flow pages, whose ratio shows whether scans stay on their planned ranges.
 */
public final class RouteMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  // The timer of each (route, method, status), built once: building and registering one per request
  // (tag sorting, id hashing, the registry's lookup) showed in the profile of the serving benchmark.
  private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  private record TimerKey(String route, String method, int status) {}

  /** Records one answered request. */
  public void record(String route, String method, int status, Duration elapsed) {
    timers.computeIfAbsent(new TimerKey(route, method, status), this::timer).record(elapsed);
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("fundflow.http.requests")
        .description("HTTP requests by route, method and status")
        .tag("route", key.route())
        .tag("method", key.method())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  /** Records the rows one page scanned and returned. */
  public void recordScan(long rowsScanned, long rowsReturned) {
    registry.counter("fundflow.scan.rows.scanned").increment(Math.max(rowsScanned, 0));
    registry.counter("fundflow.scan.rows.returned").increment(rowsReturned);
  }

  /** The registry, for the meters of other parts (audit writer, caches). */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
