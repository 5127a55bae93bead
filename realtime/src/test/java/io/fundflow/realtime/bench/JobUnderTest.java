package io.fundflow.realtime.bench;

import io.fundflow.realtime.job.FundFlowJob;
import io.fundflow.realtime.job.JobEnvironment;
import io.fundflow.realtime.job.RealtimeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;

/**
 * The fund-flow job, built by {@link FundFlowJob#build}, running on a MiniCluster in this JVM, with
 * its metrics (Flink's own and the job's) readable through an in-memory reporter.
 */
final class JobUnderTest implements AutoCloseable {

  private final MiniCluster cluster;
  private final JobClient client;
  private final InMemoryReporter reporter;

  /** Starts a one-TaskManager MiniCluster and submits the job to it. */
  static JobUnderTest start(RealtimeConfig config) throws Exception {
    InMemoryReporter reporter = InMemoryReporter.createWithRetainedMetrics();
    Configuration conf = reporter.addToConfiguration(new Configuration());
    // Other engineers' clusters use the usual ports on this machine.
    conf.set(RestOptions.BIND_PORT, "0");
    conf.set(RestOptions.ADDRESS, "127.0.0.1");
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(config.parallelism())
                .withRandomPorts()
                .build());
    cluster.start();
    TestStreamEnvironment.setAsContext(cluster, config.parallelism());
    StreamExecutionEnvironment env = JobEnvironment.create(config);
    FundFlowJob.build(env, config);
    JobClient client = env.executeAsync(FundFlowJob.NAME);
    return new JobUnderTest(cluster, client, reporter);
  }

  private JobUnderTest(MiniCluster cluster, JobClient client, InMemoryReporter reporter) {
    this.cluster = cluster;
    this.client = client;
    this.reporter = reporter;
  }

  JobID jobId() {
    return client.getJobID();
  }

  /**
   * Every metric of the job with its full identifier. A list, not a map: two chained operators of
   * the same name register the same identifier.
   */
  List<Map.Entry<String, Metric>> metrics() {
    String job = jobId().toString();
    List<Map.Entry<String, Metric>> out = new ArrayList<>();
    for (Map.Entry<MetricGroup, Map<String, Metric>> g : reporter.getMetricsByGroup().entrySet()) {
      if (job.equals(g.getKey().getAllVariables().get("<job_id>"))) {
        for (Map.Entry<String, Metric> m : g.getValue().entrySet()) {
          out.add(Map.entry(g.getKey().getMetricIdentifier(m.getKey()), m.getValue()));
        }
      }
    }
    return out;
  }

  /** The sum over subtasks of the counters whose identifier ends with {@code suffix}. */
  long sum(String suffix) {
    long total = 0;
    for (Map.Entry<String, Metric> m : metrics()) {
      if (m.getKey().endsWith(suffix) && m.getValue() instanceof Counter c) {
        total += c.getCount();
      }
    }
    return total;
  }

  /** The sum of the counters whose identifier contains {@code part}. */
  long sumContaining(String part) {
    long total = 0;
    for (Map.Entry<String, Metric> m : metrics()) {
      if (m.getKey().contains(part) && m.getValue() instanceof Counter c) {
        total += c.getCount();
      }
    }
    return total;
  }

  /** The value of the job-level gauge whose identifier ends with {@code suffix}, or -1. */
  long gauge(String suffix) {
    for (Map.Entry<String, Metric> m : metrics()) {
      if (m.getKey().endsWith(suffix) && m.getValue() instanceof Gauge<?> g
          && g.getValue() instanceof Number n) {
        return n.longValue();
      }
    }
    return -1;
  }

  /** The sum over subtasks of the numeric gauges whose identifier ends with {@code suffix}. */
  long gaugeSum(String suffix) {
    long total = 0;
    for (Map.Entry<String, Metric> m : metrics()) {
      if (m.getKey().endsWith(suffix) && m.getValue() instanceof Gauge<?> g
          && g.getValue() instanceof Number n) {
        total += n.longValue();
      }
    }
    return total;
  }

  /** Numeric gauges whose identifier ends with {@code suffix}, by identifier (suffix removed). */
  Map<String, Long> gauges(String suffix) {
    Map<String, Long> out = new TreeMap<>();
    for (Map.Entry<String, Metric> m : metrics()) {
      if (m.getKey().endsWith(suffix) && m.getValue() instanceof Gauge<?> g
          && g.getValue() instanceof Number n) {
        String id = m.getKey();
        out.merge(id.substring(0, id.length() - suffix.length()), n.longValue(), Math::max);
      }
    }
    return out;
  }

  /** Histograms whose identifier ends with {@code suffix}. */
  Map<String, Histogram> histograms(String suffix) {
    Map<String, Histogram> out = new TreeMap<>();
    for (Map.Entry<String, Metric> m : metrics()) {
      if (m.getKey().endsWith(suffix) && m.getValue() instanceof Histogram h) {
        out.put(m.getKey(), h);
      }
    }
    return out;
  }

  /** The job's status, e.g. RUNNING or FAILED. */
  String status() throws Exception {
    return client.getJobStatus().get().name();
  }

  @Override
  public void close() throws Exception {
    try {
      if (!client.getJobStatus().get().isGloballyTerminalState()) {
        client.cancel().get();
      }
    } finally {
      TestStreamEnvironment.unsetAsContext();
      cluster.close();
    }
  }
}
