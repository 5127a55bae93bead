package io.fundflow.common.changelog;

/** Whether a column must be present, and which reason its absence gets. */
enum ColumnPresence {
  /** Part of the primary key: absent or null is MISSING_KEY. */
  KEY,
  /** Required: absent or null is MISSING_COLUMN. */
  REQUIRED,
  /** May be absent or null: reads as null. */
  NULLABLE
}
