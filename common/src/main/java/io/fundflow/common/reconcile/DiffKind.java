package io.fundflow.common.reconcile;

/** How a served row compares with the row the authoritative data produces. */
public enum DiffKind {
  /** Served exactly as expected. */
  MATCHED,
  /** Expected but not served. */
  MISSING,
  /** Served but not expected: rolled back, never real, or moved to another key. */
  EXTRA,
  /** Served with other values than expected. */
  DIFFERENT
}
