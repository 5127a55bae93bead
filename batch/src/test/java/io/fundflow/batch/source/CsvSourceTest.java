package io.fundflow.batch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.names.DatabaseTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CsvSource's own line parser against Spark's CSV reader, which the source used before it. */
class CsvSourceTest {

  private static SparkSession spark;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder()
        .config(new SparkConf()
            .setMaster("local[2]")
            .setAppName("csv-source-test")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.ui.enabled", "false"))
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void readsTrickyLinesAsSparksCsvReaderDoes() throws Exception {
    String csv = String.join("\n",
        "CHANNEL_CODE,CHANNEL_NAME,CHANNEL_TYPE",
        "A1,plain,ONLINE",
        "A2,\"with, comma\",COUNTER",
        "A3,\"say \\\"hi\\\"\",ONLINE",
        "A4,  spaces kept  ,ONLINE",
        "A5,,ONLINE",
        "A6,\"\",ONLINE",
        "#A7,not a comment,ONLINE",
        "",
        "   ",
        "A8,手机银行 转账,ONLINE\r",
        "A9,\"line\",  \"quoted after space\"",
        "A10,semi;colon|pipe\ttab,COUNTER",
        "") + "\n";
    Files.writeString(folder.resolve("CHANNEL.csv"), csv, StandardCharsets.UTF_8);

    TextTable ours = new CsvSource(spark, folder).channels();
    List<List<String>> got = normalized(ours.rows().collect());
    List<List<String>> spark = sparkRows(folder.resolve("CHANNEL.csv"));

    assertEquals(List.of("CHANNEL_CODE", "CHANNEL_NAME", "CHANNEL_TYPE"), ours.columns().names());
    assertEquals(spark, got);
    assertEquals(10, got.size(), "blank lines skipped, '#' is data: " + got);
    assertEquals(Arrays.asList("A4", "  spaces kept  ", "ONLINE"), got.get(3));
    assertEquals(Arrays.asList("A5", null, "ONLINE"), got.get(4));
    assertEquals(Arrays.asList("A2", "with, comma", "COUNTER"), got.get(1));
  }

  @Test
  void theJournalIsTheDaysRowsOnly() throws Exception {
    Files.writeString(folder.resolve(DatabaseTables.FUND_JOURNAL + ".csv"),
        "INIT_DATE,SERIAL_NO\n20261119,1\n20261120,2\n 20261119 ,3\n", StandardCharsets.UTF_8);

    List<String[]> rows = new CsvSource(spark, folder).journal(20261119).rows().collect();

    assertEquals(List.of("1", "3"), rows.stream().map(r -> r[1]).toList());
  }

  @Test
  void aLineWithAnotherFieldCountFailsNamingTheFile() throws Exception {
    Files.writeString(folder.resolve(DatabaseTables.CUSTOMER + ".csv"),
        "CLIENT_ID,CLIENT_NAME\nC1,one\nC2,two,three\n", StandardCharsets.UTF_8);
    TextTable customers = new CsvSource(spark, folder).customers(20261119);

    Exception e = assertThrows(Exception.class, () -> customers.rows().collect());

    SourceUnavailableException cause = sourceProblem(e);
    assertTrue(cause.getMessage().contains("CUSTOMER.csv"), cause.getMessage());
    assertTrue(cause.getMessage().contains("3 fields where the header has 2"), cause.getMessage());
  }

  @Test
  void aMissingFileFailsAtOnce() {
    SourceUnavailableException e =
        assertThrows(SourceUnavailableException.class, () -> new CsvSource(spark, folder).channels());
    assertTrue(e.getMessage().contains("CHANNEL.csv"), e.getMessage());
  }

  private static SourceUnavailableException sourceProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SourceUnavailableException s) {
        return s;
      }
    }
    throw new AssertionError("no SourceUnavailableException in " + e, e);
  }

  /** What the source read before: Spark's CSV reader, every value as text. */
  private static List<List<String>> sparkRows(Path file) {
    Dataset<Row> df = spark.read()
        .option("header", "true")
        .option("encoding", "UTF-8")
        .option("mode", "FAILFAST")
        .csv(file.toString());
    List<String[]> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      String[] v = new String[r.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.isNullAt(i) ? null : r.getString(i);
      }
      rows.add(v);
    }
    return normalized(rows);
  }

  /** Rows as lists, an empty value as NULL, which TextRowReader makes of both. */
  private static List<List<String>> normalized(List<String[]> rows) {
    List<List<String>> out = new ArrayList<>();
    for (String[] r : rows) {
      out.add(Arrays.stream(r).map(v -> v == null || v.isEmpty() ? null : v).toList());
    }
    return out;
  }
}
