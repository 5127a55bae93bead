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
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code =
          new CommandLine(new RealtimeMain())
              .execute("advisory", "-Dkafka.bootstrap.servers=k:9092", "-Dhbase.bootstrap.servers=h:notaport");
      assertEquals(2, code);
    } finally {
      System.setErr(old);
    }
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("hbase.bootstrap.servers"), message);
  }

  @Test
  void theAdvisoryJobNeedsTheDatabase() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code =
          new CommandLine(new RealtimeMain())
              .execute("advisory", "-Dkafka.bootstrap.servers=k:9092", "-Dhbase.bootstrap.servers=h:16000");
      assertEquals(2, code);
    } finally {
      System.setErr(old);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("db.url"));
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
