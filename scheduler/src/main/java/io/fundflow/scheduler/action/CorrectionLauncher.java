package io.fundflow.scheduler.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the configured correction command line for a day. The command is split on whitespace (no
 * quoting); {@code {date}} is replaced by the day as yyyymmdd, and when absent {@code --date
 * yyyymmdd} is appended.
 */
public final class CorrectionLauncher {

  /** How a launch ended. */
  public record Outcome(int exitCode, String outputTail) {
    /** True for exit code 0. */
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private final String commandLine;
  private final Duration timeout;

  public CorrectionLauncher(String commandLine, Duration timeout) {
    this.commandLine = commandLine;
    this.timeout = timeout;
  }

  /** The argv for {@code day}. */
  public List<String> command(LocalDate day) {
    String ymd = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    List<String> argv = new ArrayList<>(Arrays.asList(commandLine.trim().split("\\s+")));
    boolean placed = false;
    for (int i = 0; i < argv.size(); i++) {
      if (argv.get(i).contains("{date}")) {
        argv.set(i, argv.get(i).replace("{date}", ymd));
        placed = true;
      }
    }
    if (!placed) {
      argv.add("--date");
      argv.add(ymd);
    }
    return argv;
  }

  /** Runs the command for {@code day}; a timeout kills it and counts as exit code -1. */
  public Outcome run(LocalDate day) {
    ProcessBuilder pb = new ProcessBuilder(command(day)).redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Outcome(-2, "cannot start " + pb.command() + ": " + e.getMessage());
    }
    StringBuilder out = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                  synchronized (out) {
                    out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (out.length() > 64_000) {
                      out.delete(0, out.length() - 16_000); // keep the tail: errors come last
                    }
                  }
                }
              } catch (IOException ignored) {
                // the process ended; what was read is what there is
              }
            },
            "correction-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        reader.join(5000);
        return new Outcome(-1, tail(out) + "\n[killed after " + timeout + "]");
      }
      reader.join(5000);
      return new Outcome(p.exitValue(), tail(out));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Outcome(-1, "interrupted");
    }
  }

  private static String tail(StringBuilder out) {
    synchronized (out) {
      return out.length() > 3900 ? out.substring(out.length() - 3900) : out.toString();
    }
  }
}
