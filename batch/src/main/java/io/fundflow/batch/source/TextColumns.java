package io.fundflow.batch.source;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Renders every column of a dataset as text, under its upper-case name. */
final class TextColumns {

  private TextColumns() {}

  /**
   * Decimals become their exact text ({@code -0.10}), TIMESTAMP_NTZ its local text ({@code
   * 2026-11-19 09:30:00.005}): never a double on the way.
   */
  static Dataset<Row> of(Dataset<Row> df) {
    Column[] cols =
        Arrays.stream(df.columns())
            .map(c -> functions.col(c).cast("string").as(c.toUpperCase(java.util.Locale.ROOT)))
            .toArray(Column[]::new);
    return df.select(cols);
  }
}
