package io.fundflow.scheduler.flink;

import java.util.List;

/**
 * Flink answered a request with an error status, or did not answer in time. The message names the
 * request, the HTTP status and Flink's own error text.
 */
public final class FlinkRestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> flinkErrors;

  /**
   * An error answer.
   *
   * @param request e.g. {@code POST /jars/abc.jar/run}
   * @param status the HTTP status, or 0 when there was no answer
   * @param flinkErrors the {@code errors} Flink listed (first the message, then often a stack
   *     trace)
   */
  public FlinkRestException(String request, int status, List<String> flinkErrors, Throwable cause) {
    super(describe(request, status, flinkErrors), cause);
    this.status = status;
    this.flinkErrors = List.copyOf(flinkErrors);
  }

  /** The HTTP status; 0 when the request got no answer (refused, timed out). */
  public int status() {
    return status;
  }

  /** Flink's error texts, as it sent them. */
  public List<String> flinkErrors() {
    return flinkErrors;
  }

  /** True when Flink does not know the job, jar or trigger asked about. */
  public boolean notFound() {
    return status == 404;
  }

  private static String describe(String request, int status, List<String> errors) {
    StringBuilder text = new StringBuilder(request);
    text.append(status == 0 ? ": no answer" : ": HTTP " + status);
    // Flink's errors are a message, or stack traces whose gist says what went wrong.
    for (String error : errors) {
      String gist = FlinkResponses.gist(error);
      if (!gist.isEmpty()) {
        text.append(" | ").append(gist);
      }
    }
    return text.toString();
  }
}
