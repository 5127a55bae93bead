package io.fundflow.scheduler.flink;

/** A Flink REST answer that is not what the API documents: missing fields, unknown values. */
public final class FlinkResponseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public FlinkResponseException(String message) {
    super(message);
  }
}
