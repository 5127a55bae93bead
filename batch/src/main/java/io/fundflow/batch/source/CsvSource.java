package io.fundflow.batch.source;

import io.fundflow.common.names.DatabaseTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The usual day-end export: a folder with {@code FUND_JOURNAL.csv}, {@code CUSTOMER.csv}, {@code
 * CHANNEL.csv}, {@code ADVISORY_CONTRACT.csv} and {@code ADVISORY_ORDER.csv}, UTF-8, a header of
 * SPEC column names, times as {@code yyyy-MM-dd HH:mm:ss[.fff]}. Every value stays text (no schema
 * inference), so amounts are never parsed as doubles; an empty field is NULL; a line whose field
 * count differs from the header's fails the run.
 *
 * <p>The journal and the dimensions are read as text lines and parsed by {@link CsvLines} (the
 * same univocity parser, with the settings of Spark's CSV reader), not through Spark SQL: it costs
 * the map side less, most of all in a cold JVM. The advisory tables, read on the driver, go through
 * Spark's CSV reader.
 */
public final class CsvSource implements AuthoritativeSource {

  private final SparkSession spark;
  private final Path folder;

  public CsvSource(SparkSession spark, Path folder) {
    this.spark = spark;
    this.folder = folder;
  }

  @Override
  public TextTable journal(int initDate) {
    return text(DatabaseTables.FUND_JOURNAL).where("INIT_DATE", Integer.toString(initDate));
  }

  @Override
  public TextTable customers(int initDate) {
    return text(DatabaseTables.CUSTOMER);
  }

  @Override
  public TextTable channels() {
    return text(DatabaseTables.CHANNEL);
  }

  @Override
  public Dataset<Row> contracts(int tradeDate) {
    return dataset(DatabaseTables.ADVISORY_CONTRACT);
  }

  @Override
  public Dataset<Row> orders(int tradeDate) {
    return dataset(DatabaseTables.ADVISORY_ORDER);
  }

  private TextTable text(String table) {
    Path file = readable(table);
    String header = headerLine(file);
    List<String> names =
        Arrays.stream(CsvLines.parse(header)).map(n -> n == null ? "" : n.toUpperCase(Locale.ROOT)).toList();
    CsvLines lines = new CsvLines(file.getFileName().toString(), header, names.size());
    return new TextTable(
        new TextTable.Columns(names),
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .textFile(file.toString())
            .mapPartitions(lines));
  }

  private Dataset<Row> dataset(String table) {
    Path file = readable(table);
    return TextColumns.of(
        spark.read()
            .option("header", "true")
            .option("encoding", "UTF-8")
            .option("mode", "FAILFAST")
            .csv(file.toString()));
  }

  private Path readable(String table) {
    Path file = folder.resolve(table + ".csv");
    if (!Files.isReadable(file)) {
      throw new SourceUnavailableException("source file " + file + " is missing or unreadable");
    }
    return file;
  }

  private static String headerLine(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null || line.isBlank()) {
        throw new SourceUnavailableException("source file " + file + " has no header line");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("source file " + file + " cannot be read", e);
    }
  }
}
