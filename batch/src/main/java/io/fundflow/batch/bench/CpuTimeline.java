package io.fundflow.batch.bench;

import io.fundflow.common.bench.CpuMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU samples taken every {@code periodMillis} on a daemon thread, so the CPU of an interval known
 * only afterwards (a stage of the correction, timed inside the job) can be read back.
 */
final class CpuTimeline implements AutoCloseable {

  private record Point(long nanoTime, CpuMeter.Sample sample) {}

  private final CpuMeter meter;
  private final List<Point> points = new ArrayList<>();
  private final ScheduledExecutorService sampler;

  CpuTimeline(CpuMeter meter, long periodMillis) {
    this.meter = meter;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "cpu-timeline");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleAtFixedRate(this::take, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void take() {
    Point p = new Point(System.nanoTime(), meter.sample());
    synchronized (points) {
      points.add(p);
    }
  }

  /** CPU used between the samples nearest to the two instants ({@link System#nanoTime()}). */
  CpuMeter.Usage between(long fromNanos, long toNanos) {
    take();
    synchronized (points) {
      return nearest(toNanos).sample().since(nearest(fromNanos).sample());
    }
  }

  private Point nearest(long nanoTime) {
    Point best = points.get(0);
    for (Point p : points) {
      if (Math.abs(p.nanoTime() - nanoTime) < Math.abs(best.nanoTime() - nanoTime)) {
        best = p;
      }
    }
    return best;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
