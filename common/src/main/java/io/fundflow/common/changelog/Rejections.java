package io.fundflow.common.changelog;

/** Shorthand for building a rejected {@link DecodeResult}. */
final class Rejections {

  private Rejections() {}

  static DecodeResult of(RejectReason reason, String message) {
    return new DecodeResult.Rejected(new Rejection(reason, message));
  }
}
