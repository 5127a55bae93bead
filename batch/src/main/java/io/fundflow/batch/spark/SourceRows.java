package io.fundflow.batch.spark;

import io.fundflow.common.changelog.TextRowReader;
import org.apache.spark.sql.Row;

/** A text row of a source dataset as the columns {@code TextRowReader} reads. */
public final class SourceRows {

  private SourceRows() {}

  /** Column name → text, null for NULL; filled straight into the reader's form, once per source row. */
  public static TextRowReader.Columns columns(Row row) {
    String[] names = row.schema().fieldNames();
    TextRowReader.Columns c = new TextRowReader.Columns();
    for (int i = 0; i < names.length; i++) {
      c.put(names[i], row.isNullAt(i) ? null : row.getString(i));
    }
    return c;
  }
}
