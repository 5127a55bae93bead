package io.fundflow.common.config;

/**
 * Where a configuration value came from, so an error can say which file line, environment variable
 * or command-line override to fix.
 *
 * @param kind the layer that supplied the value
 * @param name the file path, the environment variable, or the override's key
 */
public record ConfigOrigin(Kind kind, String name) {

  /** The layers, lowest precedence first. */
  public enum Kind {
    FILE,
    ENVIRONMENT,
    OVERRIDE
  }

  /** E.g. {@code file conf/realtime.properties}, {@code environment variable FUNDFLOW_X}. */
  public String describe() {
    return switch (kind) {
      case FILE -> "file " + name;
      case ENVIRONMENT -> "environment variable " + name;
      case OVERRIDE -> "override -D" + name;
    };
  }

  @Override
  public String toString() {
    return describe();
  }
}
