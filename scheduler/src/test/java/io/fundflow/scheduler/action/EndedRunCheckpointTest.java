package io.fundflow.scheduler.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.flink.FlinkRestTimeouts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a stub Flink REST server whose checkpoint statistics behave like the JobManager's cache:
 * until the cache's lifetime has passed since the run ended, they still name the checkpoint that was
 * latest before the end (since subsumed and deleted).
 */
class EndedRunCheckpointTest {

  private static final String JOB = "0123456789abcdef0123456789abcdef";
  private static final Duration TTL = Duration.ofMillis(300);
  private static final String STALE = "file:/cp/" + JOB + "/chk-7";
  private static final String FINAL = "file:/cp/" + JOB + "/chk-8";

  private HttpServer server;
  private final AtomicInteger stateCalls = new AtomicInteger();
  private final AtomicLong endedAtNanos = new AtomicLong(Long.MAX_VALUE);
  private volatile int runningAnswers = 2;
  private volatile int jobStatus = 200;
  private volatile int checkpointsStatus = 200;
  private FlinkRestClient flink;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    flink =
        new FlinkRestClient(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            new FlinkRestTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/jobs/" + JOB)) {
      boolean running = stateCalls.incrementAndGet() <= runningAnswers;
      if (!running) {
        endedAtNanos.compareAndSet(Long.MAX_VALUE, System.nanoTime());
      }
      answer(exchange, jobStatus, "{\"jid\":\"" + JOB + "\",\"state\":\"" + (running ? "RUNNING" : "CANCELED") + "\"}");
    } else if (path.equals("/jobs/" + JOB + "/checkpoints")) {
      long ended = endedAtNanos.get();
      boolean fresh = ended != Long.MAX_VALUE && System.nanoTime() - ended >= TTL.toNanos();
      answer(
          exchange,
          checkpointsStatus,
          "{\"latest\":{\"completed\":{\"id\":8,\"external_path\":\"" + (fresh ? FINAL : STALE) + "\"}}}");
    } else {
      answer(exchange, 404, "{\"errors\":[\"Not found: " + path + "\"]}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void waitsForTheEndAndTheCacheBeforeReading() {
    Optional<String> read = new EndedRunCheckpoint(flink, TTL, Duration.ofSeconds(10)).read(JOB);
    assertEquals(Optional.of(FINAL), read);
    assertEquals(runningAnswers + 1, stateCalls.get(), "polled until the run was terminal");
  }

  @Test
  void aRunThatNeverEndsIsReadAfterTheEndTimeout() {
    runningAnswers = Integer.MAX_VALUE;
    long t0 = System.nanoTime();
    Optional<String> read = new EndedRunCheckpoint(flink, TTL, Duration.ofMillis(700)).read(JOB);
    assertEquals(Optional.of(STALE), read, "still running: the best answer there is");
    assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(700).plus(TTL).toNanos());
  }

  @Test
  void aRunTheClusterForgotIsReadAfterTheCacheLifetime() {
    jobStatus = 404;
    endedAtNanos.set(System.nanoTime());
    long t0 = System.nanoTime();
    Optional<String> read = new EndedRunCheckpoint(flink, TTL, Duration.ofSeconds(10)).read(JOB);
    assertEquals(Optional.of(FINAL), read);
    assertTrue(System.nanoTime() - t0 >= TTL.plus(EndedRunCheckpoint.STATS_MARGIN).toNanos());
  }

  @Test
  void anUnreadableAnswerMeansNoCheckpoint() {
    checkpointsStatus = 500;
    assertEquals(Optional.empty(), new EndedRunCheckpoint(flink, TTL, Duration.ofSeconds(10)).read(JOB));
  }
}
