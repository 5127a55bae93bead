package io.fundflow.common.hbase;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One write to a serving table, independent of the HBase client: put these cells, or delete the
 * row, at a given cell version. The stream and the batch both produce these; one adapter turns them
 * into HBase mutations, so both paths write byte-identical rows.
 *
 * @param table table name within {@link HBaseLayout#NAMESPACE}
 * @param row the rowkey
 * @param kind put cells, or delete every cell of the row up to {@code version}
 * @param version the cell version (see {@code CellVersion}): newest version wins on read
 * @param cells qualifier → value, empty for a delete; sorted so encoding is deterministic. A
 *     private copy: a plain {@code TreeMap} rather than an unmodifiable view, because stream engines
 *     serialize it by re-creating the map class; treat it as read-only.
 */
public record RowMutation(
    String table, byte[] row, Kind kind, long version, SortedMap<String, byte[]> cells) {

  /** What the mutation does to the row. */
  public enum Kind {
    PUT,
    DELETE_ROW
  }

  public RowMutation {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(kind, "kind");
    cells = new TreeMap<>(cells);
    if (kind == Kind.PUT && cells.isEmpty()) {
      throw new IllegalArgumentException("a put needs at least one cell");
    }
    if (kind == Kind.DELETE_ROW && !cells.isEmpty()) {
      throw new IllegalArgumentException("a row delete carries no cells");
    }
  }

  /** A put of {@code cells} at {@code version}. */
  public static RowMutation put(String table, byte[] row, long version, Map<String, byte[]> cells) {
    return new RowMutation(table, row, Kind.PUT, version, new TreeMap<>(cells));
  }

  /** A delete of every cell of the row with a version up to and including {@code version}. */
  public static RowMutation deleteRow(String table, byte[] row, long version) {
    return new RowMutation(table, row, Kind.DELETE_ROW, version, new TreeMap<>());
  }

  /** Approximate heap and wire size in bytes, for bounding what is in flight. */
  public long estimatedSize() {
    long size = 64L + row.length;
    for (Map.Entry<String, byte[]> e : cells.entrySet()) {
      size += 32L + e.getKey().length() + e.getValue().length + row.length;
    }
    return size;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RowMutation m)) {
      return false;
    }
    if (!table.equals(m.table)
        || kind != m.kind
        || version != m.version
        || !Arrays.equals(row, m.row)
        || !cells.keySet().equals(m.cells.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : cells.entrySet()) {
      if (!Arrays.equals(e.getValue(), m.cells.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, kind, version, Arrays.hashCode(row), cells.keySet());
  }

  @Override
  public String toString() {
    return kind + " " + table + " row=" + HexFormat.of().formatHex(row) + " v=" + version
        + " cells=" + cells.keySet();
  }
}
