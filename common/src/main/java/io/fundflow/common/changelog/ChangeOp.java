package io.fundflow.common.changelog;

/**
 * What a change did to a row. Debezium c/u/d/r and GoldenGate I/U/D map onto these; a snapshot read
 * is applied like an insert.
 */
public enum ChangeOp {
  INSERT,
  UPDATE,
  DELETE,
  SNAPSHOT;

  /** True when the row exists after this change. */
  public boolean upserts() {
    return this != DELETE;
  }
}
