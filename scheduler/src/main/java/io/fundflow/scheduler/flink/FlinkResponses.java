package io.fundflow.scheduler.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON bodies of Flink 2.2's REST API into this package's records. Pure. */
final class FlinkResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FlinkResponses() {}

  /** The jar id of a {@code POST /jars/upload} answer: the last path segment of its filename. */
  static String uploadedJarId(String body) {
    String filename = text(tree(body), "filename", "jar upload");
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  /** The JobID of a {@code POST /jars/{id}/run} answer. */
  static String jobId(String body) {
    return text(tree(body), "jobid", "jar run");
  }

  /** The jobs of a {@code GET /jobs/overview} answer. */
  static List<FlinkJob> jobs(String body) {
    List<FlinkJob> jobs = new ArrayList<>();
    for (JsonNode job : tree(body).path("jobs")) {
      jobs.add(
          new FlinkJob(
              text(job, "jid", "job overview"),
              job.path("name").asText(""),
              JobState.parse(text(job, "state", "job overview")),
              job.path("tasks").path("running").asInt(0),
              job.path("tasks").path("total").asInt(0)));
    }
    return List.copyOf(jobs);
  }

  /** The state of a {@code GET /jobs/{id}} answer. */
  static JobState jobState(String body) {
    return JobState.parse(text(tree(body), "state", "job details"));
  }

  /** The trigger id of a {@code POST /jobs/{id}/stop} or {@code /savepoints} answer. */
  static String triggerId(String body) {
    return text(tree(body), "request-id", "savepoint trigger");
  }

  /**
   * A {@code GET /jobs/{id}/savepoints/{trigger}} answer. COMPLETED with a {@code failure-cause}
   * and no {@code location} is a failure: Flink marks the asynchronous operation done, not the
   * savepoint written.
   */
  static SavepointStatus savepointStatus(String body) {
    JsonNode root = tree(body);
    String status = text(root.path("status"), "id", "savepoint status");
    if ("IN_PROGRESS".equals(status)) {
      return new SavepointStatus.InProgress();
    }
    if (!"COMPLETED".equals(status)) {
      throw new FlinkResponseException("unknown savepoint status '" + status + "'");
    }
    JsonNode operation = root.path("operation");
    JsonNode location = operation.path("location");
    if (location.isTextual() && !location.asText().isBlank()) {
      return new SavepointStatus.Completed(location.asText());
    }
    JsonNode failure = operation.path("failure-cause");
    if (failure.isMissingNode() || failure.isNull()) {
      return new SavepointStatus.Failed("Flink reported COMPLETED without a location or a cause");
    }
    return new SavepointStatus.Failed(cause(failure));
  }

  /**
   * The external path of the latest completed checkpoint in a {@code GET /jobs/{id}/checkpoints}
   * answer.
   */
  static Optional<String> latestCompletedCheckpoint(String body) {
    JsonNode path = tree(body).path("latest").path("completed").path("external_path");
    return path.isTextual() && !path.asText().isBlank()
        ? Optional.of(path.asText())
        : Optional.empty();
  }

  /**
   * What the job's current run restored from, in a {@code GET /jobs/{id}/checkpoints} answer: a
   * savepoint it was started from, or the checkpoint of its latest failover; empty for a fresh
   * start.
   */
  static Optional<RestorePoint> restoredFrom(String body) {
    JsonNode restored = tree(body).path("latest").path("restored");
    if (!restored.isObject()) {
      return Optional.empty();
    }
    if (!restored.path("id").canConvertToLong()) {
      throw new FlinkResponseException(
          "checkpoints: restored without an id: " + brief(restored.toString()));
    }
    return Optional.of(
        new RestorePoint(
            restored.path("id").asLong(),
            restored.path("is_savepoint").asBoolean(false),
            restored.path("external_path").asText("")));
  }

  /** A {@code GET /overview} answer. */
  static ClusterOverview overview(String body) {
    JsonNode root = tree(body);
    return new ClusterOverview(
        number(root, "taskmanagers"),
        number(root, "slots-total"),
        number(root, "slots-available"),
        number(root, "jobs-running"),
        root.path("flink-version").asText(""));
  }

  /** The {@code errors} of an error answer; the raw body when it is not Flink's error JSON. */
  static List<String> errors(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    try {
      JsonNode errors = JSON.readTree(body).path("errors");
      if (errors.isArray()) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.asText()));
        return List.copyOf(out);
      }
    } catch (JsonProcessingException notJson) {
      // A proxy's HTML page, say: show it as it is.
    }
    return List.of(body.length() > 400 ? body.substring(0, 400) + "…" : body);
  }

  /** A failure cause: the gist of Flink's stack trace, else the exception class. */
  private static String cause(JsonNode failure) {
    String gist = gist(failure.path("stack-trace").asText(""));
    return gist.isEmpty() ? failure.path("class").asText(failure.toString()) : gist;
  }

  /**
   * The gist of an error text or stack trace: its first meaningful line, and the root cause (the
   * last {@code Caused by:} line) when there is one, which is usually what went wrong.
   */
  static String gist(String error) {
    String first =
        error
            .lines()
            .map(String::trim)
            .filter(line -> !line.isEmpty())
            .filter(line -> !line.startsWith("<Exception on server side"))
            .filter(line -> !line.startsWith("at ") && !line.startsWith("..."))
            .findFirst()
            .orElse("");
    String root =
        error
            .lines()
            .map(String::trim)
            .filter(line -> line.startsWith("Caused by: "))
            .reduce((a, b) -> b)
            .map(line -> line.substring("Caused by: ".length()))
            .orElse("");
    String gist = root.isEmpty() || first.contains(root) ? first : first + " (cause: " + root + ")";
    return gist.length() > 600 ? gist.substring(0, 600) + "…" : gist;
  }

  private static JsonNode tree(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new FlinkResponseException("Flink answered with no JSON object: " + brief(body));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new FlinkResponseException("Flink answered with invalid JSON: " + brief(body));
    }
  }

  private static String text(JsonNode node, String field, String what) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new FlinkResponseException(what + ": no '" + field + "' in " + brief(node.toString()));
    }
    return value.asText();
  }

  private static int number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.canConvertToInt()) {
      throw new FlinkResponseException(
          "overview: no number '" + field + "' in " + brief(node.toString()));
    }
    return value.asInt();
  }

  private static String brief(String text) {
    return text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
