package io.fundflow.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's help and its exit code 2 for bad arguments (nothing is started). */
class BatchMainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new BatchMain())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void helpListsTheCorrectCommandAndExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("correct"), out.toString());
  }

  @Test
  void noCommandPrintsUsageAndExitsZero() {
    assertEquals(0, run());
    assertTrue(out.toString().contains("Usage: fundflow-batch"), out.toString());
  }

  @Test
  void correctHelpDocumentsEveryOption() {
    assertEquals(0, run("correct", "--help"));
    for (String option : new String[] {"--date", "--source", "--dry-run", "--run-id", "--report", "--config", "-D"}) {
      assertTrue(out.toString().contains(option), option + " in " + out);
    }
  }

  @Test
  void missingDateIsAUsageError() {
    assertEquals(2, run("correct"));
    assertTrue(err.toString().contains("--date"), err.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("correct", "--date", "20261119", "--no-such-option"));
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertEquals(2, run("recompute"));
  }

  @Test
  void impossibleDateExitsTwoBeforeAnythingStarts() {
    assertEquals(2, run("correct", "--date", "20261131",
        "-Dhbase.bootstrap.servers=127.0.0.1:1", "-Ddb.url=jdbc:h2:mem:x"));
  }

  @Test
  void badSourceExitsTwo() {
    assertEquals(2, run("correct", "--date", "20261119", "--source", "hdfs:/x",
        "-Dhbase.bootstrap.servers=127.0.0.1:1", "-Ddb.url=jdbc:h2:mem:x"));
  }

  @Test
  void missingRequiredConfigurationExitsTwo() {
    assertEquals(2, run("correct", "--date", "20261119"));
  }

  @Test
  void anOutOfRangeBroadcastLimitStopsStartUpNamingTheKey() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, run("correct", "--date", "20261119",
          "-Dhbase.bootstrap.servers=127.0.0.1:1", "-Ddb.url=jdbc:h2:mem:x",
          "-Dbatch.join.broadcast-max-customers=-1"));
    } finally {
      System.setErr(stderr);
    }
    String message = captured.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.contains("batch.join.broadcast-max-customers")
            && message.contains("[0, 100000000]"),
        message);
  }

  @Test
  void sparkPropertiesUnderTheFundflowPrefixAreConfigurationKeys() {
    Properties p = new Properties();
    p.setProperty("spark.fundflow.db.url", "jdbc:h2:mem:x");
    p.setProperty("spark.fundflow.batch.report.dir", "/var/fundflow/reports");
    p.setProperty("spark.master", "yarn");
    p.setProperty("spark.fundflow.", "no key");
    p.setProperty("fundflow.db.user", "not a Spark property");
    assertEquals(
        Map.of("db.url", "jdbc:h2:mem:x", "batch.report.dir", "/var/fundflow/reports"),
        BatchMain.sparkConfKeys(p));
  }

  @Test
  void theRequiredKeysMayComeAsSparkProperties() {
    // As spark-submit --conf spark.fundflow.<key>=... leaves them in the driver; the bad source is
    // then the only problem left.
    System.setProperty("spark.fundflow.hbase.bootstrap.servers", "127.0.0.1:1");
    System.setProperty("spark.fundflow.db.url", "jdbc:h2:mem:x");
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, run("correct", "--date", "20261119", "--source", "hdfs:/x"));
    } finally {
      System.setErr(stderr);
      System.clearProperty("spark.fundflow.hbase.bootstrap.servers");
      System.clearProperty("spark.fundflow.db.url");
    }
    String message = captured.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("source must be"), message);
    assertFalse(message.contains("required"), message);
  }
}
