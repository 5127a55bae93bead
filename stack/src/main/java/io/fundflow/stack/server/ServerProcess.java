package io.fundflow.stack.server;

import io.fundflow.stack.config.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One long-running server JVM of the stack: what to run and how.
 *
 * @param name process name, used for its log and PID file ({@code kafka}, {@code flink-taskmanager})
 * @param service the service it belongs to
 * @param mainClass the server's main class
 * @param classpath the server's own classpath
 * @param jvmOptions heap, system properties and Java 17 flags
 * @param arguments program arguments
 */
public record ServerProcess(
    String name,
    Service service,
    String mainClass,
    String classpath,
    List<String> jvmOptions,
    List<String> arguments) {

  /** JVM property that marks a process as ours, so a recycled PID is never mistaken for one. */
  public static final String MARKER_PROPERTY = "fundflow.stack.process";

  /** The marker argument of this process in the stack at {@code home}. */
  public String marker(Path home) {
    return marker(home, name);
  }

  /** The marker argument of the process called {@code name} in the stack at {@code home}. */
  public static String marker(Path home, String name) {
    return "-D" + MARKER_PROPERTY + "=" + home + "#" + name;
  }

  /** The full command line. */
  public List<String> command(Path java, Path home) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add(marker(home));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }
}
