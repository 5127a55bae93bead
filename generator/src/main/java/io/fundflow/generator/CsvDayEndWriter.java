package io.fundflow.generator;

import io.fundflow.common.changelog.SourceColumn;
import io.fundflow.common.changelog.SourceSchema;
import io.fundflow.common.changelog.SourceTable;
import io.fundflow.common.model.SourceRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the day-end export folder the batch {@code csv:<folder>} source reads ({@code
 * docs/batch.md} "Sources"): {@code <TABLE>.csv} per source table, UTF-8, a header of SPEC column
 * names, times {@code yyyy-MM-dd HH:mm:ss.SSS}, money as exact decimal text, an empty field for
 * NULL. A field with a comma, quote or line break is quoted, inner quotes escaped with a backslash
 * (Spark's CSV reader's default). Each file is written beside its target and moved in place, so a
 * reader never sees half a file.
 */
public final class CsvDayEndWriter implements DayEndWriter {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final Path folder;

  public CsvDayEndWriter(Path folder) {
    this.folder = folder;
  }

  @Override
  public Map<String, Integer> write(DayEndData dayEnd) throws IOException {
    Files.createDirectories(folder);
    Map<String, Integer> written = new LinkedHashMap<>();
    for (Map.Entry<SourceTable, List<? extends SourceRow>> t : DayEndTables.of(dayEnd).entrySet()) {
      SourceTable table = t.getKey();
      Path target = folder.resolve(table.name() + ".csv");
      Path partial = folder.resolve(table.name() + ".csv.partial");
      List<SourceColumn> columns = SourceSchema.columns(table);
      try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        w.write(columns.stream().map(SourceColumn::name).collect(Collectors.joining(",")));
        w.write('\n');
        for (SourceRow row : t.getValue()) {
          Map<String, Object> values = DayEndTables.columns(row);
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
              line.append(',');
            }
            line.append(field(values.get(columns.get(i).name())));
          }
          w.write(line.append('\n').toString());
        }
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.put(table.name(), t.getValue().size());
    }
    return written;
  }

  /** One CSV field: empty for NULL, quoted when it must be. */
  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text;
    if (value instanceof BigDecimal d) {
      text = d.toPlainString();
    } else if (value instanceof LocalDateTime t) {
      text = TIME.format(t);
    } else {
      text = value.toString();
    }
    if (text.isEmpty()
        || text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0
        || text.indexOf('\\') >= 0
        || !text.strip().equals(text)) {
      // An empty text is quoted so that it stays an empty string, not NULL.
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return text;
  }
}
