package io.fundflow.common.changelog;

import java.util.Map;
import java.util.Objects;

/**
 * One change of one source row, as a change-log encoder takes it: the row images as column maps
 * ({@link SourceRowColumns}), the source position and the commit time.
 *
 * @param table the source table
 * @param op what happened; a snapshot read is written as an insert by envelopes without one
 * @param before the row before the change (null for inserts and snapshots; may be null for updates)
 * @param after the row after the change (null for deletes)
 * @param position SCN or trail position, non-negative, increasing in commit order
 * @param commitTimeMillis epoch millis of the commit
 */
public record RowChange(
    SourceTable table,
    ChangeOp op,
    Map<String, Object> before,
    Map<String, Object> after,
    long position,
    long commitTimeMillis) {

  public RowChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(op, "op");
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0: " + position);
    }
    if (op.upserts() && after == null) {
      throw new IllegalArgumentException(op + " needs an after image");
    }
    if (op == ChangeOp.DELETE && before == null) {
      throw new IllegalArgumentException("DELETE needs a before image");
    }
  }

  /** The image that names the row: the after image, or the before image of a delete. */
  public Map<String, Object> row() {
    return after != null ? after : before;
  }
}
