package io.fundflow.realtime.decode;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourcePosition;
import io.fundflow.common.model.SourceRow;

/**
 * A decoded change of one row of a known table, typed by the row's record so Flink serializes it
 * as a POJO rather than through Kryo.
 *
 * @param op what happened
 * @param before the row before the change, null unless the envelope carried it
 * @param after the row after the change, null for a delete
 * @param position the change's place in the source order
 * @param sourceTimeMillis when it happened in the source
 */
public record RowChange<T extends SourceRow>(
    ChangeOp op, T before, T after, SourcePosition position, long sourceTimeMillis) {

  /** The typed view of a decoded change whose rows are of {@code type}. */
  public static <T extends SourceRow> RowChange<T> of(ChangeEvent e, Class<T> type) {
    return new RowChange<>(
        e.op(),
        e.before() == null ? null : type.cast(e.before()),
        e.after() == null ? null : type.cast(e.after()),
        e.position(),
        e.sourceTimeMillis());
  }

  /** The row this change is about: the after image, or the before image of a delete. */
  public T row() {
    return after != null ? after : before;
  }
}
