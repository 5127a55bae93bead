package io.fundflow.common.changelog;

/** What the decoder made of one record: a change, a rejection, or a record to skip silently. */
public sealed interface DecodeResult {

  /** A decoded change to apply. */
  record Decoded(ChangeEvent event) implements DecodeResult {}

  /** A record that goes to the dead-letter topic with its reason. */
  record Rejected(Rejection rejection) implements DecodeResult {}

  /** A record that is expected and carries nothing to apply, such as a Debezium tombstone. */
  record Skipped(String why) implements DecodeResult {}
}
