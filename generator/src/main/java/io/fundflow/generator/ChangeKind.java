package io.fundflow.generator;

/**
 * What a change-log message is, from the generator's side: what the platform is expected to do with
 * it follows from this (decode and apply, skip a tombstone, reject a malformed one).
 */
public enum ChangeKind {
  /** A snapshot read (Debezium op r; a GoldenGate initial-load insert) before the open. */
  SNAPSHOT,
  INSERT,
  UPDATE,
  DELETE,
  /** Debezium's null value after a delete: skipped, never a dead letter. */
  TOMBSTONE,
  /** An exact copy of a message sent earlier: the same bytes, the same position. */
  DUPLICATE,
  /** An older version of a row sent after a newer one, with its original older position. */
  LATE_VERSION,
  /** A broken message: bad JSON, a missing key column or a bad decimal; a dead letter. */
  MALFORMED;

  /** True when the decoder is expected to decode it into a change. */
  public boolean decodes() {
    return this != TOMBSTONE && this != MALFORMED;
  }
}
