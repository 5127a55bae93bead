package io.fundflow.generator;

/** The ways the stream's view of a journal entry differs from the authoritative day-end data. */
public enum FaultKind {
  /** In the day-end data, never sent on the stream. */
  MISSING,
  /** Sent, but the stream's last version carries another amount than the day-end row. */
  WRONG_AMOUNT,
  /** Sent on the stream, rolled back in the source: absent from the day-end data. */
  ROLLED_BACK
}
