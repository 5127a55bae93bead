package io.fundflow.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RealtimeMainTest {

  @Test
  void everyCommandHasHelp() {
    for (String[] args :
        new String[][] {{"--help"}, {"fund-flow", "--help"}, {"advisory", "--help"}}) {
      StringBuilderWriter out = new StringBuilderWriter();
      CommandLine cmd = new CommandLine(new RealtimeMain());
      cmd.setOut(out.writer());
      assertEquals(0, cmd.execute(args));
      assertTrue(out.text().contains("Usage:"), String.join(" ", args));
    }
  }

  @Test
  void aBadConfigurationStopsStartUpNamingTheKey() {
    String message =
        failingStart("advisory", "-Dkafka.bootstrap.servers=k:9092", "-Dhbase.bootstrap.servers=h:notaport");
    assertTrue(message.contains("hbase.bootstrap.servers"), message);
  }

  @Test
  void theAdvisoryJobNeedsTheDatabase() {
    String message =
        failingStart("advisory", "-Dkafka.bootstrap.servers=k:9092", "-Dhbase.bootstrap.servers=h:16000");
    assertTrue(message.contains("db.url"), message);
  }

  /** Runs a command that must refuse to start (exit 2) and returns what it printed to stderr. */
  private static String failingStart(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, new CommandLine(new RealtimeMain()).execute(args));
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Collects what a command prints. */
  private static final class StringBuilderWriter {
    private final java.io.StringWriter buffer = new java.io.StringWriter();

    java.io.PrintWriter writer() {
      return new java.io.PrintWriter(buffer, true);
    }

    String text() {
      return buffer.toString();
    }
  }
}
