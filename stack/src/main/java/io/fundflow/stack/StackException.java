package io.fundflow.stack;

/** A stack operation that failed in a way the user must act on; the message says what and where. */
public final class StackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StackException(String message) {
    super(message);
  }
}
