package io.fundflow.batch.spark;

import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import io.fundflow.batch.source.TextTable;
import io.fundflow.common.model.SourceRow;
import java.io.Serializable;

/**
 * A dimension row (customer, channel) read once for every entry that joins it: the row, or why it
 * cannot be read ({@code problem}, the entries that need it are rejected with it).
 */
public record Dimension<T extends SourceRow>(T row, String problem) implements Serializable {

  /** Reads one text row of {@code table}. */
  @SuppressWarnings("unchecked")
  static <T extends SourceRow> Dimension<T> read(
      SourceTable table, TextTable.Columns columns, String[] values) {
    TextRowReader.Result r = columns.read(table, values);
    return r.ok()
        ? new Dimension<>((T) r.row(), null)
        : new Dimension<>(null, r.rejection().reason() + " " + r.rejection().message());
  }

  boolean readable() {
    return problem == null;
  }
}
