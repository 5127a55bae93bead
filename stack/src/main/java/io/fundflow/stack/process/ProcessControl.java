package io.fundflow.stack.process;

import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.server.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starts server processes detached from the launcher (output to their log file, PID to their PID
 * file) and finds and stops them again by PID. A PID counts as ours only while its command line
 * carries the process's marker, so a recycled PID is never signalled.
 */
public final class ProcessControl {

  private final StackHome home;
  private final Path java;

  public ProcessControl(StackHome home, Path java) {
    this.home = home;
    this.java = java;
  }

  /** Starts the process, appending its output to its log file, and records its PID. */
  public Process start(ServerProcess server) throws IOException {
    Files.createDirectories(home.logs());
    Files.createDirectories(home.run());
    Path log = home.logFile(server.name());
    Files.writeString(
        log,
        "==== fundflow local stack: starting " + server.name() + " at " + Instant.now() + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Process process =
        new ProcessBuilder(server.command(java, home.root()))
            .directory(home.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .redirectInput(Redirect.from(new File("/dev/null")))
            .start();
    Files.writeString(home.pidFile(server.name()), Long.toString(process.pid()) + "\n");
    return process;
  }

  /** The running process recorded under {@code name}; a stale PID file is removed. */
  public Optional<ProcessHandle> running(ServerProcess server) {
    return running(server.name(), server.marker(home.root()));
  }

  /** As {@link #running(ServerProcess)}, by name and marker. */
  public Optional<ProcessHandle> running(String name, String marker) {
    Path pidFile = home.pidFile(name);
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle;
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      handle = ProcessHandle.of(pid).filter(ProcessControl::alive).filter(h -> isOurs(h, marker));
    } catch (IOException | NumberFormatException unreadable) {
      handle = Optional.empty();
    }
    if (handle.isEmpty()) {
      deleteQuietly(pidFile);
    }
    return handle;
  }

  /**
   * Stops a process: {@code SIGTERM}, then {@code SIGKILL} if it is still alive after {@code
   * graceful}. Returns true when it had to be killed.
   */
  public boolean stop(ProcessHandle process, String name, Duration graceful) {
    boolean killed = false;
    if (alive(process)) {
      process.destroy();
      if (!awaitExit(process, graceful)) {
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(15));
        killed = true;
      }
    }
    deleteQuietly(home.pidFile(name));
    return killed;
  }

  /** Waits until the process has exited; true if it did within {@code timeout}. */
  public static boolean awaitExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (alive(process)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !alive(process);
      }
    }
    return true;
  }

  /** Alive and not a zombie: an exited child whose parent has gone may linger as one. */
  public static boolean alive(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
    try {
      String text = Files.readString(stat);
      // The state letter follows the command name, which is in parentheses and may hold spaces.
      String afterName = text.substring(text.lastIndexOf(')') + 1).trim();
      return !afterName.startsWith("Z") && !afterName.startsWith("X");
    } catch (IOException | RuntimeException noProc) {
      return process.isAlive();
    }
  }

  /** Resident memory of a process in KiB, from {@code /proc/<pid>/status}. */
  public static OptionalLong residentKib(long pid) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      for (String line : lines) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Gone, or not Linux: no figure rather than a wrong one.
    }
    return OptionalLong.empty();
  }

  private static boolean isOurs(ProcessHandle process, String marker) {
    Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    try {
      String text = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
      return text.contains(marker);
    } catch (IOException noProc) {
      return process.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A PID file we cannot delete is re-checked against the marker next time.
    }
  }
}
