package io.fundflow.stack.config;

import java.nio.file.Path;

/**
 * The one folder that holds everything a local stack writes: {@code logs/}, {@code run/} (PID
 * files), {@code conf/<service>} (generated configuration) and {@code data/<service>}.
 */
public record StackHome(Path root) {

  /** Normalises the root to an absolute path, so that generated files never depend on the cwd. */
  public StackHome {
    root = root.toAbsolutePath().normalize();
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path run() {
    return root.resolve("run");
  }

  public Path data() {
    return root.resolve("data");
  }

  public Path data(Service service) {
    return data().resolve(service.cliName());
  }

  public Path conf(Service service) {
    return root.resolve("conf").resolve(service.cliName());
  }

  /** The log file of one server process (a service may run several, as Flink does). */
  public Path logFile(String processName) {
    return logs().resolve(processName + ".log");
  }

  public Path pidFile(String processName) {
    return run().resolve(processName + ".pid");
  }

  /** The default stack properties file, read when present and no other file is named. */
  public Path defaultConfigFile() {
    return root.resolve("stack.properties");
  }
}
