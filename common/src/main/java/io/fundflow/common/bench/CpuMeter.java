package io.fundflow.common.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by this JVM and by the local servers (HBase, Kafka, H2), read from {@code /proc}:
 * on a shared machine a wall-clock rate says as much about the neighbours as about the code under
 * test, CPU per unit of work much less. The benchmarks of the realtime job and of the nightly
 * correction report it beside their rates.
 */
public final class CpuMeter {

  /** Linux's USER_HZ: /proc's utime and stime are in ticks of 1/100 s on every common kernel. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final Map<String, Long> serverPids;

  /** @param serverPids the local servers' processes by name; unreadable ones are left out */
  public CpuMeter(Map<String, Long> serverPids) {
    this.serverPids = new LinkedHashMap<>(serverPids);
  }

  /** CPU used so far, per process. */
  public record Sample(long benchNanos, Map<String, Long> serverNanos) {

    /** CPU used between {@code earlier} and this sample. */
    public Usage since(Sample earlier) {
      Map<String, Long> servers = new LinkedHashMap<>();
      serverNanos.forEach(
          (name, n) -> {
            Long before = earlier.serverNanos.get(name);
            if (before != null) {
              servers.put(name, n - before);
            }
          });
      return new Usage(benchNanos - earlier.benchNanos, servers);
    }
  }

  /** CPU used over an interval: by this JVM, and by each server. */
  public record Usage(long benchNanos, Map<String, Long> serverNanos) {

    public long serversNanos() {
      return serverNanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Microseconds of CPU per unit of work, this JVM only. */
    public double benchMicrosPer(long units) {
      return benchNanos / 1e3 / units;
    }

    /** Microseconds of CPU per unit of work, this JVM and the servers. */
    public double totalMicrosPer(long units) {
      return (benchNanos + serversNanos()) / 1e3 / units;
    }

    /** E.g. {@code this JVM 12.3 s, hbase 4.5 s, kafka 1.2 s}. */
    public String describe() {
      StringBuilder s = new StringBuilder(String.format("this JVM %.1f s", benchNanos / 1e9));
      serverNanos.forEach((name, n) -> s.append(String.format(", %s %.1f s", name, n / 1e9)));
      return s.toString();
    }
  }

  public Sample sample() {
    Map<String, Long> servers = new LinkedHashMap<>();
    serverPids.forEach(
        (name, pid) -> {
          long n = procCpuNanos(pid);
          if (n >= 0) {
            servers.put(name, n);
          }
        });
    return new Sample(jvmCpuNanos(), servers);
  }

  private static long jvmCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return procCpuNanos(ProcessHandle.current().pid());
  }

  /** utime + stime of a process from /proc/PID/stat, or -1 when it cannot be read. */
  static long procCpuNanos(long pid) {
    try {
      return statCpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime from the text of a /proc/PID/stat file. */
  static long statCpuNanos(String stat) {
    // The command name (field 2) is in parentheses and may hold spaces and parentheses: count
    // from after the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // f[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
  }
}
