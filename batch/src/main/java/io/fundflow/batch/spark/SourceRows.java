package io.fundflow.batch.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;

/** A text row of a source dataset as the column map {@code TextRowReader} reads. */
public final class SourceRows {

  private SourceRows() {}

  /** Column name → text, null for NULL. */
  public static Map<String, String> columns(Row row) {
    String[] names = row.schema().fieldNames();
    Map<String, String> m = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], row.isNullAt(i) ? null : row.getString(i));
    }
    return m;
  }
}
