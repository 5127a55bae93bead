package io.fundflow.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
