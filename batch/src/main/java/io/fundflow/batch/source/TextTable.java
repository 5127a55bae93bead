package io.fundflow.batch.source;

import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.changelog.TextRowReader;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source table as text: its column names (SPEC, upper case) and its rows' values in that order,
 * null for NULL. Plain arrays rather than Spark SQL rows, so the job's map side runs without Spark
 * SQL's generated code (docs/benchmarks.md, "Batch correction").
 */
public record TextTable(Columns columns, JavaRDD<String[]> rows) {

  /** The column names of a table, by position; serializable so tasks may carry them. */
  public record Columns(List<String> names) implements Serializable {

    public Columns {
      names = List.copyOf(names);
    }

    /** The position of column {@code name}, or -1 when the table has no such column. */
    public int indexOf(String name) {
      return names.indexOf(name);
    }

    /** Reads {@code row} (values in these columns' order) as a row of {@code table}. */
    public TextRowReader.Result read(SourceTable table, String[] row) {
      TextRowReader.Columns c = new TextRowReader.Columns();
      for (int i = 0; i < row.length && i < names.size(); i++) {
        c.put(names.get(i), row[i]);
      }
      return TextRowReader.read(table, c);
    }

    /** The text of column {@code name} in {@code row}, trimmed; "?" when absent or NULL. */
    public String describe(String[] row, String name) {
      int i = indexOf(name);
      return i < 0 || i >= row.length || row[i] == null ? "?" : row[i].trim();
    }
  }

  /** Only the rows whose column {@code name}, trimmed, equals {@code text}. */
  public TextTable where(String name, String text) {
    int i = columns.indexOf(name);
    if (i < 0) {
      throw new SourceUnavailableException("the source has no column " + name);
    }
    return new TextTable(columns, rows.filter(new Equals(i, text)));
  }

  /** A dataset of string columns (see {@link TextColumns}) as a text table. */
  static TextTable of(Dataset<Row> df) {
    Dataset<Row> text = TextColumns.of(df);
    return new TextTable(new Columns(List.of(text.columns())), text.javaRDD().map(TextTable::values));
  }

  private static String[] values(Row row) {
    String[] v = new String[row.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.isNullAt(i) ? null : row.getString(i);
    }
    return v;
  }

  /** Keeps rows whose column {@code index}, trimmed, equals {@code text}. */
  private record Equals(int index, String text) implements Function<String[], Boolean> {
    @Override
    public Boolean call(String[] row) {
      return row[index] != null && row[index].trim().equals(text);
    }
  }
}
