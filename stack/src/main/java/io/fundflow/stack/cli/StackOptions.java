package io.fundflow.stack.cli;

import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import io.fundflow.stack.config.StackSettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every stack command shares: where the stack lives and how it is configured. */
public final class StackOptions {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Stack folder (logs, PIDs, data); default $FUNDFLOW_HOME or ./.fundflow")
  Path home;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Stack properties file; default <home>/stack.properties when present")
  Path config;

  @Option(
      names = "--port-offset",
      paramLabel = "N",
      description = "Added to every port (default $FUNDFLOW_PORT_OFFSET or 0)")
  Integer portOffset;

  /** The stack folder. */
  public StackHome home(Map<String, String> env) {
    if (home != null) {
      return new StackHome(home);
    }
    String fromEnv = env.get("FUNDFLOW_HOME");
    return new StackHome(Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : ".fundflow"));
  }

  /** The validated settings. */
  public StackSettings settings(Map<String, String> env) {
    Path file = config;
    if (file != null && !Files.isReadable(file)) {
      throw new StackSettingsException("--config " + file + " does not exist or is not readable");
    }
    if (file == null && Files.isReadable(home(env).defaultConfigFile())) {
      file = home(env).defaultConfigFile();
    }
    Map<String, String> overrides = new HashMap<>();
    if (portOffset != null) {
      overrides.put("port.offset", Integer.toString(portOffset));
    }
    return StackSettings.load(file, env, overrides);
  }
}
