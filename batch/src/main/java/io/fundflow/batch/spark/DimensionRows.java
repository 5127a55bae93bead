package io.fundflow.batch.spark;

import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * One dimension table's rows as {@code TextRowReader} reads them, remembered by their content: the
 * join hands every journal entry its customer's and channel's row again, and a customer has many
 * entries a day, so each distinct row is read once per task rather than once per entry. Keyed by
 * the whole row (every column equal), so two rows under one key can never be confused.
 */
final class DimensionRows {

  /** Rows remembered at most; past it the memory starts again, so a task's heap stays bounded. */
  static final int MAX_ROWS = 200_000;

  private final SourceTable table;
  private final Map<Row, TextRowReader.Result> read = new HashMap<>();

  DimensionRows(SourceTable table) {
    this.table = table;
  }

  /** The row read: the same result as {@code TextRowReader.read} on it, read once. */
  TextRowReader.Result read(Row row) {
    TextRowReader.Result r = read.get(row);
    if (r == null) {
      if (read.size() >= MAX_ROWS) {
        read.clear();
      }
      r = TextRowReader.read(table, SourceRows.columns(row));
      read.put(row, r);
    }
    return r;
  }

  /** Distinct rows remembered now. */
  int size() {
    return read.size();
  }
}
