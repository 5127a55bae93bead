package io.fundflow.scheduler.action;

import io.fundflow.scheduler.flink.FlinkResponseException;
import io.fundflow.scheduler.flink.FlinkRestClient;
import io.fundflow.scheduler.flink.FlinkRestException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the latest completed checkpoint of a run that has ended, once Flink's checkpoint-statistics
 * cache can no longer answer from before the end.
 *
 * <p>The JobManager caches {@code GET /jobs/{id}/checkpoints} ({@code
 * rest.cache.checkpoint-statistics.timeout}, else {@code web.refresh-interval}, 3 s). An answer
 * cached just before the end can name a checkpoint that a newer one has since subsumed and deleted,
 * and a restore from it fails. So: wait until the run is terminal, then for the cache's lifetime
 * plus a margin, then read.
 */
public final class EndedRunCheckpoint {

  private static final Logger LOG = LoggerFactory.getLogger(EndedRunCheckpoint.class);
  private static final Duration POLL = Duration.ofMillis(500);
  /** Added to the cache's lifetime, for the JobManager's own scheduling of expiry. */
  static final Duration STATS_MARGIN = Duration.ofMillis(500);

  private final FlinkRestClient flink;
  private final Duration statsTtl;
  private final Duration endTimeout;

  /**
   * @param statsTtl the cluster's checkpoint-statistics cache lifetime
   * @param endTimeout how long a cancelled run may take to become terminal before it is read anyway
   */
  public EndedRunCheckpoint(FlinkRestClient flink, Duration statsTtl, Duration endTimeout) {
    this.flink = flink;
    this.statsTtl = statsTtl;
    this.endTimeout = endTimeout;
  }

  /** The run's latest completed checkpoint; empty when it has none or Flink cannot say. */
  public Optional<String> read(String flinkJobId) {
    long deadline = System.nanoTime() + endTimeout.toNanos();
    try {
      while (flink.jobState(flinkJobId).map(s -> !s.terminal()).orElse(false)) {
        if (System.nanoTime() >= deadline) {
          LOG.warn("{} has not ended after {}: reading its checkpoint anyway", flinkJobId, endTimeout);
          break;
        }
        Pause.sleep(POLL);
      }
      Pause.sleep(statsTtl.plus(STATS_MARGIN));
      return flink.latestCompletedCheckpoint(flinkJobId);
    } catch (FlinkRestException | FlinkResponseException e) {
      LOG.warn("cannot read the checkpoints of {}: {}", flinkJobId, e.getMessage());
      return Optional.empty();
    }
  }
}
