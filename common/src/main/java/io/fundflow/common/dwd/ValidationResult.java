package io.fundflow.common.dwd;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of validating one row: valid when it broke no rule, else every rule it broke. */
public record ValidationResult(List<Violation> violations) {

  private static final ValidationResult VALID = new ValidationResult(List.of());

  public ValidationResult {
    violations = List.copyOf(violations);
  }

  /** The result of a row that broke no rule. */
  public static ValidationResult valid() {
    return VALID;
  }

  /** True when the row broke no rule. */
  public boolean isValid() {
    return violations.isEmpty();
  }

  /** The code of the first violation, the reason a dead letter is filed under; null when valid. */
  public ViolationCode primaryCode() {
    return isValid() ? null : violations.get(0).code();
  }

  /** All violations on one line, for the dead-letter message. Empty when valid. */
  public String describe() {
    return violations.stream()
        .map(v -> v.code() + " " + v.column() + ": " + v.message())
        .collect(Collectors.joining("; "));
  }
}
