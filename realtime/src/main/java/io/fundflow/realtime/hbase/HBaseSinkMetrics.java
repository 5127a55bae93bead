package io.fundflow.realtime.hbase;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The HBase sink's metrics: mutations taken in, mutations coalesced away and sent, batches sent
 * ("flushes") and their latency, retried and failed writes. Sender threads update some of them,
 * hence the thread-safe counters and the histogram updated under its lock.
 */
final class HBaseSinkMetrics {

  private static final int LATENCY_WINDOW = 1024;

  /** Mutations the job wrote to the sink (task thread). */
  final Counter mutations;

  /**
   * Mutations dropped because a newer write of the same row in the same batch hid them (task
   * thread), or in batches a sender merged (sender threads).
   */
  final Counter coalesced;

  /** Writes that merged batches queued behind a slow one. */
  final Counter groupCommits;

  final Counter sent;
  final Counter flushes;
  final Counter retries;
  final Counter errors;
  final Histogram flushMillis;

  private final MetricGroup group;

  HBaseSinkMetrics(MetricGroup parent) {
    group = parent.addGroup("hbase");
    mutations = group.counter("mutations");
    coalesced = group.counter("coalesced", new ThreadSafeSimpleCounter());
    groupCommits = group.counter("groupCommits", new ThreadSafeSimpleCounter());
    sent = group.counter("sent", new ThreadSafeSimpleCounter());
    flushes = group.counter("flushes", new ThreadSafeSimpleCounter());
    retries = group.counter("retries", new ThreadSafeSimpleCounter());
    errors = group.counter("errors", new ThreadSafeSimpleCounter());
    flushMillis = group.histogram("flushLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
  }

  /** Registers the gauge of bytes handed to senders and not yet written. */
  void inFlightBytes(Gauge<Long> gauge) {
    group.gauge("inFlightBytes", gauge);
  }

  /** A batch (or a retry of part of one) was written: {@code written} mutations in {@code millis}. */
  void flushed(int written, long millis) {
    sent.inc(written);
    flushes.inc();
    synchronized (flushMillis) {
      flushMillis.update(millis);
    }
  }
}
