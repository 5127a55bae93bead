package io.fundflow.generator;

import io.fundflow.common.changelog.ChangeOp;
import io.fundflow.common.changelog.SourceRowColumns;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.SourceRow;
import java.time.LocalDateTime;

/**
 * One committed change of one source row, before it has a source position: what the counter
 * system's database did, and in which envelope its change log carries it.
 *
 * @param commitTime the commit, Asia/Shanghai local time
 * @param seq tie-breaker for equal commit times: the order the planner made them in
 * @param op what happened
 * @param before the row before (updates and deletes)
 * @param after the row after (null for deletes)
 * @param envelope the envelope the row's changes travel in
 * @param wrapped for Debezium: with the schema wrapper and precise decimals
 */
record RowVersion(
    LocalDateTime commitTime,
    long seq,
    ChangeOp op,
    SourceRow before,
    SourceRow after,
    Envelope envelope,
    boolean wrapped) {

  SourceTable table() {
    return SourceRowColumns.tableOf(after != null ? after : before);
  }

  /** The table and primary key: versions of one row share it. */
  String rowKey() {
    return table() + ":" + (after != null ? after : before).primaryKey();
  }
}
