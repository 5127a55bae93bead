package io.fundflow.batch.source;

import java.nio.file.Path;

/**
 * Where the authoritative day-end data comes from: {@code jdbc} (the platform database's copies of
 * the counter tables) or {@code csv:<folder>} (one CSV file per table, SPEC column names as header).
 *
 * @param folder the CSV folder, null for jdbc
 */
public record SourceSpec(Path folder) {

  /** The JDBC source. */
  public static final SourceSpec JDBC = new SourceSpec(null);

  /**
   * Parses {@code jdbc} or {@code csv:<folder>}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static SourceSpec parse(String text) {
    if ("jdbc".equals(text)) {
      return JDBC;
    }
    if (text != null && text.startsWith("csv:") && text.length() > 4) {
      return new SourceSpec(Path.of(text.substring(4)));
    }
    throw new IllegalArgumentException(
        "source must be jdbc or csv:<folder>, got '" + text + "'");
  }

  /** True for the CSV folder source. */
  public boolean isCsv() {
    return folder != null;
  }

  @Override
  public String toString() {
    return isCsv() ? "csv:" + folder : "jdbc";
  }
}
