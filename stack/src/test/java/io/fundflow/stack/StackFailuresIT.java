package io.fundflow.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.stack.cli.StackCli;
import io.fundflow.stack.config.PortPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad cases, through the real command line: each on its own home and port offset, apart from
 * the stack the other tests share.
 */
class StackFailuresIT {

  /** What one command printed and returned. */
  record Run(int code, String out, String err) {}

  private static Run platform(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StackCli.execute(args, env, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void upRefusesAPortThatIsTakenAndNamesTheServiceAndItsLog(@TempDir Path home) throws Exception {
    int offset = 1700;
    int kafkaPort = PortPlan.withOffset(offset).kafkaBroker();
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafkaPort));
      Run run =
          platform(Map.of(), "up", "kafka", "--home", home.toString(), "--port-offset", "" + offset);
      assertEquals(1, run.code(), run.out() + run.err());
      assertTrue(run.err().contains("kafka cannot start: port " + kafkaPort + " is already in use"), run.err());
      assertTrue(run.err().contains(home.resolve("logs/kafka.log").toString()), run.err());
    }
    assertFalse(Files.exists(home.resolve("run/kafka.pid")), "nothing was started");
  }

  @Test
  void aServiceThatFailsToStartIsNamedWithItsLog(@TempDir Path home) {
    Map<String, String> env = Map.of("FUNDFLOW_DB_JVM_OPTIONS", "-XX:+NoSuchFundflowFlag");
    Run run = platform(env, "up", "db", "--home", home.toString(), "--port-offset", "1800");
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("db failed to start: its process exited"), run.err());
    assertTrue(run.err().contains(home.resolve("logs/db.log").toString()), run.err());
    assertTrue(run.err().contains("NoSuchFundflowFlag"), "the log's tail is shown: " + run.err());
    assertFalse(Files.exists(home.resolve("run/db.pid")), "no PID file is left behind");
  }

  @Test
  void aBadSettingIsAStartUpErrorNamingTheKey(@TempDir Path home) throws Exception {
    Files.writeString(home.resolve("stack.properties"), "flink.taskmanager.slots=four\n");
    Run run = platform(Map.of(), "up", "--home", home.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("flink.taskmanager.slots"), run.err());
  }

  @Test
  void downWithNothingRunningSaysSoAndSucceeds(@TempDir Path home) {
    Run run = platform(Map.of(), "down", "--home", home.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Nothing is running under " + home), run.out());
  }
}
