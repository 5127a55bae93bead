package io.fundflow.stack.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four services of the local stack, in start order. */
public enum Service {
  KAFKA,
  HBASE,
  FLINK,
  DB;

  /** The name used on the command line, in file names and in messages. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line service name, naming the valid ones when it is unknown. */
  public static Service fromCliName(String name) {
    for (Service service : values()) {
      if (service.cliName().equals(name)) {
        return service;
      }
    }
    throw new IllegalArgumentException(
        "unknown service '"
            + name
            + "'; one of "
            + Arrays.stream(values()).map(Service::cliName).collect(Collectors.joining(", ")));
  }
}
