package io.fundflow.batch.source;

/** The authoritative data cannot be read: a missing file or table, an unreachable database. */
public final class SourceUnavailableException extends RuntimeException {

  public SourceUnavailableException(String message) {
    super(message);
  }

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
