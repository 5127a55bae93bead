package io.fundflow.common.dwd;

import java.util.Objects;

/** One broken DWD rule: a stable code, the column it concerns, and a message a person can act on. */
public record Violation(ViolationCode code, String column, String message) {

  public Violation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
  }
}
