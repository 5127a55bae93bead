package io.fundflow.stack.config;

/** A configuration value the stack cannot use; the message names the key and where it came from. */
public final class StackSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public StackSettingsException(String message) {
    super(message);
  }
}
