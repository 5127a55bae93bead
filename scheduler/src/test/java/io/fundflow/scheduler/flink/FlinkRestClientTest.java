package io.fundflow.scheduler.flink;

import static io.fundflow.scheduler.flink.FlinkResponsesTest.captured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests the client sends and how it reads answers, against a stub Flink REST server. */
class FlinkRestClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the stub received. */
  record Received(String method, String uri, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /** A canned answer. */
  record Answer(int status, String body, long delayMillis) {}

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private FlinkRestClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    client =
        new FlinkRestClient(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            new FlinkRestTimeouts(
                Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body));
    Answer answer =
        answers.getOrDefault(key, new Answer(404, "{\"errors\":[\"Not found: " + key + "\"]}", 0));
    if (answer.delayMillis() > 0) {
      try {
        Thread.sleep(answer.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  private void answer(String request, int status, String body) {
    answers.put(request, new Answer(status, body, 0));
  }

  private JsonNode onlyJsonBody() throws IOException {
    assertEquals(1, received.size());
    assertEquals("application/json", received.get(0).contentType());
    return JSON.readTree(received.get(0).body());
  }

  @Test
  void uploadSendsTheJarAsMultipartFieldJarfile(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("job.jar");
    byte[] content = new byte[300_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Files.write(jar, content);
    answer("POST /jars/upload", 200, captured("jar-upload.json"));

    String id = client.uploadJar(jar);

    assertEquals(
        "b4beba74-9ec2-4797-8674-2929c0d08512_fundflow-realtime-0.1.0-SNAPSHOT-job.jar", id);
    Received upload = received.get(0);
    assertTrue(
        upload.contentType().startsWith("multipart/form-data; boundary="), upload.contentType());
    String boundary = upload.contentType().substring(upload.contentType().indexOf('=') + 1);
    String text = upload.text();
    assertTrue(text.startsWith("--" + boundary + "\r\n"));
    assertTrue(
        text.contains("Content-Disposition: form-data; name=\"jarfile\"; filename=\"job.jar\""));
    assertTrue(text.endsWith("\r\n--" + boundary + "--\r\n"));
    int start = text.indexOf("\r\n\r\n") + 4;
    byte[] sent = java.util.Arrays.copyOfRange(upload.body(), start, start + content.length);
    assertTrue(java.util.Arrays.equals(content, sent), "the file's bytes, unchanged");
    assertEquals(start + content.length + boundary.length() + 8, upload.body().length);
  }

  @Test
  void uploadOfAMissingFileFailsBeforeAnyRequest(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class, () -> client.uploadJar(dir.resolve("none.jar")));
    assertTrue(received.isEmpty());
  }

  @Test
  void runSendsProgramArgsListAndTheRestorePoint() throws IOException {
    answer("POST /jars/x.jar/run", 200, captured("jar-run.json"));

    String job =
        client.runJar(
            "x.jar",
            "io.fundflow.realtime.RealtimeMain",
            List.of("fund-flow", "-Dkafka.bootstrap.servers=h:1", "-Dname=two words"),
            3,
            Optional.of("file:/sp/savepoint-1"),
            true);

    assertEquals("3980635091038ab32420722fc55e9d7a", job);
    JsonNode body = onlyJsonBody();
    assertEquals("io.fundflow.realtime.RealtimeMain", body.get("entryClass").asText());
    assertEquals(
        List.of("fund-flow", "-Dkafka.bootstrap.servers=h:1", "-Dname=two words"),
        JSON.convertValue(body.get("programArgsList"), List.class));
    assertFalse(body.has("programArgs"), "Flink 2.2 ignores programArgs; never send it");
    assertEquals(3, body.get("parallelism").asInt());
    assertEquals("file:/sp/savepoint-1", body.get("savepointPath").asText());
    assertTrue(body.get("allowNonRestoredState").asBoolean());
  }

  @Test
  void runWithoutRestorePointSendsNoSavepointPath() throws IOException {
    answer("POST /jars/x.jar/run", 200, captured("jar-run.json"));
    client.runJar("x.jar", "Main", List.of(), 1, Optional.empty(), false);
    JsonNode body = onlyJsonBody();
    assertFalse(body.has("savepointPath"));
    assertFalse(body.get("allowNonRestoredState").asBoolean());
  }

  @Test
  void stopWithSavepointSendsDrainAndTargetDirectory() throws IOException {
    answer("POST /jobs/j1/stop", 202, captured("stop-trigger.json"));
    assertEquals(
        "395053e58076a8917dce4c5f7aa10f07", client.stopWithSavepoint("j1", "file:///sp", false));
    JsonNode body = onlyJsonBody();
    assertFalse(body.get("drain").asBoolean());
    assertEquals("file:///sp", body.get("targetDirectory").asText());
  }

  @Test
  void savepointStatusPollsTheTrigger() {
    answer("GET /jobs/j1/savepoints/t1", 200, captured("savepoint-failed.json"));
    assertTrue(client.savepointStatus("j1", "t1") instanceof SavepointStatus.Failed);
  }

  @Test
  void cancelIsAPatchWithModeCancel() {
    answer("PATCH /jobs/j1?mode=cancel", 202, "{}");
    client.cancel("j1");
    assertEquals("PATCH", received.get(0).method());
    assertEquals("/jobs/j1?mode=cancel", received.get(0).uri());
  }

  @Test
  void cancellingAFinishedJobNamesTheConflict() {
    answer("PATCH /jobs/j1?mode=cancel", 409, captured("error-cancel-finished.json"));
    FlinkRestException e = assertThrows(FlinkRestException.class, () -> client.cancel("j1"));
    assertEquals(409, e.status());
    assertTrue(
        e.getMessage().startsWith("PATCH /jobs/j1?mode=cancel: HTTP 409 | "), e.getMessage());
    assertTrue(
        e.getMessage().contains("already reached another terminal state (FINISHED)"),
        e.getMessage());
  }

  @Test
  void anUnknownJobHasNoState() {
    answer("GET /jobs/j2", 404, captured("error-job-not-found.json"));
    answer("GET /jobs/j1", 200, captured("job-details.json"));
    assertEquals(Optional.empty(), client.jobState("j2"));
    assertEquals(Optional.of(JobState.RUNNING), client.jobState("j1"));
  }

  @Test
  void aServerErrorOnJobStateIsNotMistakenForAnUnknownJob() {
    answer("GET /jobs/j1", 500, "{\"errors\":[\"Internal server error.\"]}");
    FlinkRestException e = assertThrows(FlinkRestException.class, () -> client.jobState("j1"));
    assertEquals(500, e.status());
    assertEquals(List.of("Internal server error."), e.flinkErrors());
  }

  @Test
  void jobsOverviewCheckpointsAndClusterOverview() {
    answer("GET /jobs/overview", 200, captured("jobs-overview.json"));
    answer("GET /jobs/j1/checkpoints", 200, captured("checkpoints.json"));
    answer("GET /overview", 200, captured("overview.json"));
    assertEquals(1, client.jobs().size());
    assertTrue(client.latestCompletedCheckpoint("j1").orElseThrow().endsWith("/chk-5"));
    assertEquals(4, client.overview().slotsTotal());
  }

  @Test
  void idsAreEscapedInPaths() {
    answer("GET /jobs/a%2Fb", 200, captured("job-details.json"));
    assertEquals(Optional.of(JobState.RUNNING), client.jobState("a/b"));
  }

  @Test
  void aSlowAnswerTimesOutWithStatusZero() {
    answers.put("GET /overview", new Answer(200, captured("overview.json"), 3_000));
    long start = System.nanoTime();
    FlinkRestException e = assertThrows(FlinkRestException.class, () -> client.overview());
    assertEquals(0, e.status());
    assertTrue(
        (System.nanoTime() - start) / 1_000_000 < 2_500, "gave up after the request timeout");
    assertTrue(e.getMessage().contains("no answer"), e.getMessage());
  }

  @Test
  void aClusterThatIsDownGivesStatusZero() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    FlinkRestClient down = new FlinkRestClient("http://127.0.0.1:" + port);
    FlinkRestException e = assertThrows(FlinkRestException.class, down::jobs);
    assertEquals(0, e.status());
    assertTrue(e.getMessage().contains("GET /jobs/overview"), e.getMessage());
  }
}
