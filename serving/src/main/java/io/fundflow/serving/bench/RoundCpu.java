package io.fundflow.serving.bench;

import io.fundflow.common.bench.CpuMeter;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * CPU used by one measured round of the serving benchmark, split into the bench's own clients (the
 * threads named {@link #CLIENT_THREAD_PREFIX}), the rest of this JVM (the
 * server, its HBase client, GC and JIT) and each local server: the clients share the machine's two
 * cores with what they measure, so their share says how much of a page's wait is the rig's.
 */
final class RoundCpu {

  /** Name prefix of every thread the benchmark's clients run on. */
  static final String CLIENT_THREAD_PREFIX = "bench-client-";

  private final CpuMeter meter;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

  RoundCpu(Map<String, Long> serverPids) {
    this.meter = new CpuMeter(serverPids);
  }

  /**
   * CPU used so far: per process, by the client threads alive now, and the JIT compilers' time
   * (-1 when the JVM does not tell).
   */
  record Sample(
      CpuMeter.Sample processes, long clientNanos, long jitMillis, Gc gc, long wallNanos) {}

  /** Garbage collections of this JVM: how many, and their summed time (ms) as the JVM reports it. */
  record Gc(long count, long millis) {

    Gc minus(Gc earlier) {
      return new Gc(count - earlier.count, millis - earlier.millis);
    }
  }

  /**
   * CPU used over a round of {@code pages} pages; {@code jitMillis} is the time the JIT compilers
   * spent in it, which a warmed-up server no longer spends.
   */
  record Usage(
      CpuMeter.Usage processes,
      long clientNanos,
      long jitMillis,
      Gc gc,
      long wallNanos,
      long pages) {

    /** {@code nanos} of CPU as milliseconds per page. */
    double millisPerPage(long nanos) {
      return nanos / 1e6 / pages;
    }

    /** Every process's CPU per page, in milliseconds. */
    double totalMillisPerPage() {
      return millisPerPage(processes.benchNanos() + processes.serversNanos());
    }

    /** Cores busy on average over the round, every process counted. */
    double coresBusy() {
      return (processes.benchNanos() + processes.serversNanos()) / (double) wallNanos;
    }

    /**
     * E.g. {@code 2.10 ms per page: this JVM 1.52 (its clients 0.41), hbase 0.47, db 0.11; 1.93
     * cores busy, 920 pages/s, JIT 35 ms, GC 2 in 12 ms}.
     */
    String describe() {
      StringBuilder s =
          new StringBuilder(
              String.format(
                  "%.2f ms per page: this JVM %.2f (its clients %.2f)",
                  totalMillisPerPage(),
                  millisPerPage(processes.benchNanos()),
                  millisPerPage(clientNanos)));
      processes
          .serverNanos()
          .forEach((name, n) -> s.append(String.format(", %s %.2f", name, millisPerPage(n))));
      s.append(
          String.format(
              "; %.2f cores busy, %.0f pages/s, JIT %d ms, GC %d in %d ms",
              coresBusy(), pages / (wallNanos / 1e9), jitMillis, gc.count(), gc.millis()));
      return s.toString();
    }
  }

  Sample sample() {
    long jitMillis =
        jit != null && jit.isCompilationTimeMonitoringSupported()
            ? jit.getTotalCompilationTime()
            : -1;
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, c.getCollectionCount());
      gcMillis += Math.max(0, c.getCollectionTime());
    }
    return new Sample(
        meter.sample(), clientThreadNanos(), jitMillis, new Gc(gcCount, gcMillis), System.nanoTime());
  }

  Usage since(Sample start, long pages) {
    Sample end = sample();
    return new Usage(
        end.processes().since(start.processes()),
        end.clientNanos() - start.clientNanos(),
        start.jitMillis() < 0 ? -1 : end.jitMillis() - start.jitMillis(),
        end.gc().minus(start.gc()),
        end.wallNanos() - start.wallNanos(),
        pages);
  }

  /**
   * CPU of the client threads alive now. The client pool lives for the whole benchmark, so the same
   * threads are summed at a round's start and end.
   */
  private long clientThreadNanos() {
    long sum = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && isClient(t.getThreadName())) {
        long n = threads.getThreadCpuTime(t.getThreadId());
        sum += Math.max(0, n);
      }
    }
    return sum;
  }

  /** The bench's client threads. */
  static boolean isClient(String threadName) {
    return threadName.startsWith(CLIENT_THREAD_PREFIX);
  }
}
