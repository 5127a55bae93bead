package io.fundflow.common.changelog;

import io.fundflow.common.model.SourceRow;
import java.util.Objects;

/**
 * One decoded change of one source row.
 *
 * @param table the source table
 * @param op what happened
 * @param before the row before the change; null for inserts and snapshot reads, and for updates
 *     whose envelope carries no before image
 * @param after the row after the change; null for deletes
 * @param position the change's place in the source order
 * @param sourceTimeMillis when the change happened in the source (epoch millis), for latency
 */
public record ChangeEvent(
    SourceTable table,
    ChangeOp op,
    SourceRow before,
    SourceRow after,
    SourcePosition position,
    long sourceTimeMillis) {

  public ChangeEvent {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(position, "position");
    if (op.upserts() && after == null) {
      throw new IllegalArgumentException(op + " needs an after image");
    }
    if (op == ChangeOp.DELETE && before == null) {
      throw new IllegalArgumentException("DELETE needs a before image");
    }
  }

  /** The row this change is about: the after image, or the before image of a delete. */
  public SourceRow row() {
    return after != null ? after : before;
  }

  /** The primary key of the row this change is about. */
  public String primaryKey() {
    return row().primaryKey();
  }
}
