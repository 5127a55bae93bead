package io.fundflow.scheduler.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of the Flink 2.2 REST API for what the scheduler needs: upload and run a job jar, list
 * jobs, stop with a savepoint, cancel, find the latest retained checkpoint.
 *
 * <p>Every call is synchronous. An error answer becomes a {@link FlinkRestException} naming the
 * request, the HTTP status and Flink's message; an answer that does not parse becomes a {@link
 * FlinkResponseException}.
 */
public final class FlinkRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final FlinkRestTimeouts timeouts;
  private final HttpClient http;

  /**
   * A client of the cluster whose REST endpoint is {@code baseUrl}, e.g. {@code http://host:8081}.
   */
  public FlinkRestClient(String baseUrl, FlinkRestTimeouts timeouts) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeouts.connect())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * As {@link #FlinkRestClient(String, FlinkRestTimeouts)} with {@link
   * FlinkRestTimeouts#defaults()}.
   */
  public FlinkRestClient(String baseUrl) {
    this(baseUrl, FlinkRestTimeouts.defaults());
  }

  /** Uploads a job jar ({@code POST /jars/upload}) and returns the id to run it by. */
  public String uploadJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no jar file at " + jar);
    }
    MultipartFile body;
    try {
      body = MultipartFile.of("jarfile", jar);
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("cannot read " + jar + ": " + e.getMessage(), e);
    }
    HttpRequest request =
        request("jars/upload", timeouts.upload())
            .header("Content-Type", body.contentType())
            .POST(body.body())
            .build();
    return FlinkResponses.uploadedJarId(send("POST /jars/upload", request));
  }

  /**
   * Runs an uploaded jar ({@code POST /jars/{id}/run}) and returns the new job's JobID. Arguments
   * go in {@code programArgsList}: Flink 2.2 silently ignores the older {@code programArgs} string.
   *
   * @param savepointPath the savepoint or retained checkpoint to restore from, if any
   * @param allowNonRestoredState whether state in the savepoint that no operator claims is skipped
   */
  public String runJar(
      String jarId,
      String entryClass,
      List<String> programArgsList,
      int parallelism,
      Optional<String> savepointPath,
      boolean allowNonRestoredState) {
    ObjectNode body = JSON.createObjectNode();
    body.put("entryClass", entryClass);
    programArgsList.forEach(body.putArray("programArgsList")::add);
    body.put("parallelism", parallelism);
    savepointPath.ifPresent(path -> body.put("savepointPath", path));
    body.put("allowNonRestoredState", allowNonRestoredState);
    String path = "jars/" + segment(jarId) + "/run";
    return FlinkResponses.jobId(send("POST /" + path, post(path, body)));
  }

  /** Deletes an uploaded jar ({@code DELETE /jars/{id}}). */
  public void deleteJar(String jarId) {
    String path = "jars/" + segment(jarId);
    send("DELETE /" + path, request(path, timeouts.request()).DELETE().build());
  }

  /** Every job the cluster knows, running or ended ({@code GET /jobs/overview}). */
  public List<FlinkJob> jobs() {
    return FlinkResponses.jobs(get("jobs/overview"));
  }

  /** The state of a job, or empty when the cluster does not know it ({@code GET /jobs/{id}}). */
  public Optional<JobState> jobState(String jobId) {
    try {
      return Optional.of(FlinkResponses.jobState(get("jobs/" + segment(jobId))));
    } catch (FlinkRestException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Triggers stop-with-savepoint ({@code POST /jobs/{id}/stop}) and returns the trigger id to poll
   * with {@link #savepointStatus}.
   *
   * @param targetDirectory where the savepoint goes, e.g. {@code file:///data/savepoints}
   * @param drain whether to emit MAX_WATERMARK first (ends event-time windows; not for a job that
   *     will be resumed)
   */
  public String stopWithSavepoint(String jobId, String targetDirectory, boolean drain) {
    ObjectNode body = JSON.createObjectNode();
    body.put("drain", drain);
    body.put("targetDirectory", targetDirectory);
    String path = "jobs/" + segment(jobId) + "/stop";
    return FlinkResponses.triggerId(send("POST /" + path, post(path, body)));
  }

  /** Where a savepoint trigger stands ({@code GET /jobs/{id}/savepoints/{trigger}}). */
  public SavepointStatus savepointStatus(String jobId, String triggerId) {
    return FlinkResponses.savepointStatus(
        get("jobs/" + segment(jobId) + "/savepoints/" + segment(triggerId)));
  }

  /** Cancels a job without a savepoint ({@code PATCH /jobs/{id}?mode=cancel}). */
  public void cancel(String jobId) {
    String path = "jobs/" + segment(jobId) + "?mode=cancel";
    send(
        "PATCH /" + path,
        request(path, timeouts.request()).method("PATCH", BodyPublishers.noBody()).build());
  }

  /**
   * The external path of the job's latest completed checkpoint, a restore point when a savepoint
   * failed ({@code GET /jobs/{id}/checkpoints}); empty when none completed yet.
   */
  public Optional<String> latestCompletedCheckpoint(String jobId) {
    return FlinkResponses.latestCompletedCheckpoint(get("jobs/" + segment(jobId) + "/checkpoints"));
  }

  /**
   * What the job's current run restored from: the savepoint it was started from, or the checkpoint
   * of its latest failover ({@code GET /jobs/{id}/checkpoints}); empty after a fresh start.
   */
  public Optional<RestorePoint> restoredFrom(String jobId) {
    return FlinkResponses.restoredFrom(get("jobs/" + segment(jobId) + "/checkpoints"));
  }

  /** TaskManagers, slots and running jobs ({@code GET /overview}). */
  public ClusterOverview overview() {
    return FlinkResponses.overview(get("overview"));
  }

  private String get(String path) {
    return send("GET /" + path, request(path, timeouts.request()).GET().build());
  }

  private HttpRequest post(String path, ObjectNode body) {
    BodyPublisher json = BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    return request(path, timeouts.request())
        .header("Content-Type", "application/json")
        .POST(json)
        .build();
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Accept", "application/json");
  }

  private String send(String what, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new FlinkRestException(
          what + " to " + base,
          0,
          List.of(e.getClass().getSimpleName() + ": " + e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkRestException(what + " to " + base, 0, List.of("interrupted"), e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new FlinkRestException(what, status, FlinkResponses.errors(response.body()), null);
    }
    return response.body();
  }

  /** A path segment: ids are hex or file names, but never trust them into a URL unescaped. */
  private static String segment(String id) {
    Objects.requireNonNull(id, "id");
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
