package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.model.SourceRow;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a source row given as column texts (a day-end CSV line, a JDBC row rendered as text) with
 * the same column mappings and value checks as the change-log decoders, so a bad value is rejected
 * for the same reason whichever path brings it. Money is read from its decimal text, never through
 * a double.
 */
public final class TextRowReader {

  private TextRowReader() {}

  /** The outcome of reading one row: the row, or why it was rejected. */
  public record Result(SourceRow row, Rejection rejection) {

    /** True when the row was read. */
    public boolean ok() {
      return row != null;
    }
  }

  /**
   * A row's column texts by SPEC name (upper case), filled one column at a time: what {@link
   * #read(SourceTable, Columns)} reads, built without an intermediate map.
   */
  public static final class Columns {
    private final ObjectNode image = JsonNodeFactory.instance.objectNode();

    /** Sets column {@code name}; a null or empty text is a NULL column. */
    public Columns put(String name, String text) {
      if (text == null) {
        image.putNull(name);
      } else {
        image.put(name, text);
      }
      return this;
    }
  }

  /**
   * Reads the row of {@code table} from its columns by SPEC name (upper case). A null or empty text
   * is a NULL column.
   */
  public static Result read(SourceTable table, Map<String, String> columns) {
    Columns c = new Columns();
    columns.forEach(c::put);
    return read(table, c);
  }

  /** {@link #read(SourceTable, Map)} on columns filled one by one. */
  public static Result read(SourceTable table, Columns columns) {
    Objects.requireNonNull(table, "table");
    RowReader reader = new RowReader(table, "row", columns.image, DecimalScales.NONE);
    SourceRow row = RowMapping.of(table).read(reader);
    return row != null ? new Result(row, null) : new Result(null, reader.problem());
  }
}
