package io.fundflow.realtime.hbase;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/** The HBase sink's metrics: mutations written, flushes, their latency, and failed writes. */
final class HBaseSinkMetrics {

  private static final int LATENCY_WINDOW = 1024;

  final Counter mutations;
  final Counter flushes;
  final Counter errors;
  final Histogram flushMillis;

  HBaseSinkMetrics(MetricGroup parent) {
    MetricGroup group = parent.addGroup("hbase");
    mutations = group.counter("mutations");
    flushes = group.counter("flushes");
    errors = group.counter("errors");
    flushMillis = group.histogram("flushLatencyMs", new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
  }
}
