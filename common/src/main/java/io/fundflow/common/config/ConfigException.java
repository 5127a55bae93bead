package io.fundflow.common.config;

import java.util.List;

/**
 * Configuration that cannot be used: a missing key, a value of the wrong type or out of range, an
 * unreadable file. Each problem names the key, the offending value, where it came from and what is
 * expected; one exception may carry every problem found at start-up.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** One problem. */
  public ConfigException(String problem) {
    this(List.of(problem), null);
  }

  /** One problem with its cause. */
  public ConfigException(String problem, Throwable cause) {
    this(List.of(problem), cause);
  }

  /** Every problem found, in the order found. */
  public ConfigException(List<String> problems) {
    this(problems, null);
  }

  private ConfigException(List<String> problems, Throwable cause) {
    super(message(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder sb = new StringBuilder(problems.size() + " configuration problems:");
    for (String p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }
}
