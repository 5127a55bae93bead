package io.fundflow.realtime.bench;

import java.io.PrintStream;

/** Progress lines stamped with the seconds since the bench started. */
final class Progress {

  private final PrintStream out;
  private final long start = System.nanoTime();

  Progress(PrintStream out) {
    this.out = out;
  }

  void line(String format, Object... args) {
    out.printf("[%7.1f s] %s%n", (System.nanoTime() - start) / 1e9, String.format(format, args));
    out.flush();
  }
}
