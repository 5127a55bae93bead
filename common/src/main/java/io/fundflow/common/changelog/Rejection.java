package io.fundflow.common.changelog;

import java.util.Objects;

/** A record the decoder refused: a stable reason code and a message a person can act on. */
public record Rejection(RejectReason reason, String message) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
