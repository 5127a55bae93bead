package io.fundflow.stack.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short-lived Java main class (a server's own tool) to completion and returns its output. */
public final class JavaTool {

  private final Path java;

  public JavaTool(Path java) {
    this.java = java;
  }

  /** The {@code java} of the JVM running the launcher; fails clearly when it is gone. */
  public static Path currentJava() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (!Files.isExecutable(java)) {
      throw new IllegalStateException(
          "no java executable at " + java + "; install Java 17 or newer and put it on PATH");
    }
    return java;
  }

  public Path java() {
    return java;
  }

  /** Runs {@code mainClass} and returns its combined output; fails with that output on a non-zero exit. */
  public String run(String what, String classpath, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(what + " did not finish within 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException(what + " interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(what + " failed (exit " + process.exitValue() + "):\n" + output);
    }
    return output;
  }
}
