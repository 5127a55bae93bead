package io.fundflow.serving.http;

/** A refusal with its HTTP status and a message safe to show (401, 403, 503). */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String outcome;

  ApiError(int status, String outcome, String message) {
    super(message);
    this.status = status;
    this.outcome = outcome;
  }

  int status() {
    return status;
  }

  /** The AUDIT_QUERY outcome, e.g. FORBIDDEN. */
  String outcome() {
    return outcome;
  }

  static ApiError unauthorized() {
    return new ApiError(401, "UNAUTHORIZED", "a valid bearer token is required: sign in first");
  }

  static ApiError forbidden(String clientId) {
    return new ApiError(
        403, "FORBIDDEN", "customer " + clientId + " is not in a branch granted to you");
  }
}
