package io.fundflow.batch.source;

import io.fundflow.common.names.DatabaseTables;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The usual day-end export: a folder with {@code FUND_JOURNAL.csv}, {@code CUSTOMER.csv}, {@code
 * CHANNEL.csv}, {@code ADVISORY_CONTRACT.csv} and {@code ADVISORY_ORDER.csv}, UTF-8, a header of
 * SPEC column names, times as {@code yyyy-MM-dd HH:mm:ss[.fff]}. Every value stays text (no schema
 * inference), so amounts are never parsed as doubles; an empty field is NULL.
 */
public final class CsvSource implements AuthoritativeSource {

  private final SparkSession spark;
  private final Path folder;

  public CsvSource(SparkSession spark, Path folder) {
    this.spark = spark;
    this.folder = folder;
  }

  @Override
  public Dataset<Row> journal(int initDate) {
    Dataset<Row> all = read(DatabaseTables.FUND_JOURNAL);
    return all.where(functions.trim(functions.col("INIT_DATE")).equalTo(Integer.toString(initDate)));
  }

  @Override
  public Dataset<Row> customers(int initDate) {
    return read(DatabaseTables.CUSTOMER);
  }

  @Override
  public Dataset<Row> channels() {
    return read(DatabaseTables.CHANNEL);
  }

  @Override
  public Dataset<Row> contracts(int tradeDate) {
    return read(DatabaseTables.ADVISORY_CONTRACT);
  }

  @Override
  public Dataset<Row> orders(int tradeDate) {
    return read(DatabaseTables.ADVISORY_ORDER);
  }

  private Dataset<Row> read(String table) {
    Path file = folder.resolve(table + ".csv");
    if (!Files.isReadable(file)) {
      throw new SourceUnavailableException("source file " + file + " is missing or unreadable");
    }
    return TextColumns.of(
        spark.read()
            .option("header", "true")
            .option("encoding", "UTF-8")
            .option("mode", "FAILFAST")
            .csv(file.toString()));
  }
}
