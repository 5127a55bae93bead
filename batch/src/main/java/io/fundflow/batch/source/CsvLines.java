package io.fundflow.batch.source;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The lines of one CSV file → their fields, as Spark's CSV reader parses them (its univocity
 * settings: quote {@code "}, escape {@code \}, whitespace kept, no comment lines, empty field
 * NULL). Blank lines and the header line are skipped; a line with another field count than the
 * header fails the task, naming the file.
 */
final class CsvLines implements FlatMapFunction<Iterator<String>, String[]> {

  private static final int MAX_SHOWN = 200;

  private final String fileName;
  private final String header;
  private final int fields;

  CsvLines(String fileName, String header, int fields) {
    this.fileName = fileName;
    this.header = header;
    this.fields = fields;
  }

  /** The fields of one line (the header's, for instance). */
  static String[] parse(String line) {
    return parser().parseLine(line);
  }

  @Override
  public Iterator<String[]> call(Iterator<String> lines) {
    CsvParser parser = parser();
    return new Iterator<>() {
      private String[] next;

      @Override
      public boolean hasNext() {
        while (next == null && lines.hasNext()) {
          String line = lines.next();
          if (!line.isBlank() && !line.equals(header)) {
            next = fieldsOf(parser, line);
          }
        }
        return next != null;
      }

      @Override
      public String[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String[] row = next;
        next = null;
        return row;
      }
    };
  }

  private String[] fieldsOf(CsvParser parser, String line) {
    String[] row = parser.parseLine(line);
    if (row == null || row.length != fields) {
      String shown = line.length() > MAX_SHOWN ? line.substring(0, MAX_SHOWN) + "..." : line;
      throw new SourceUnavailableException(
          "source file " + fileName + ": a line of " + (row == null ? 0 : row.length)
              + " fields where the header has " + fields + ": " + shown);
    }
    return row;
  }

  private static CsvParser parser() {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(',');
    s.getFormat().setQuote('"');
    s.getFormat().setQuoteEscape('\\');
    s.getFormat().setComment('\0');
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setNullValue(null);
    s.setEmptyValue(null);
    s.setMaxCharsPerColumn(-1);
    s.setMaxColumns(20_480);
    s.setReadInputOnSeparateThread(false);
    s.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
    return new CsvParser(s);
  }
}
