package io.fundflow.batch.spark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * When the map side of one shuffle finished: the correction reads, recomputes and diffs in one
 * Spark job, and this splits it into its stages for the progress lines and the report.
 */
public final class MapStageClock extends SparkListener {

  private final int shuffleId;
  private final Runnable onDone;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile long completedAtMillis;

  /**
   * @param shuffled the result of a shuffle (e.g. {@code repartitionAndSortWithinPartitions})
   * @param onDone called once, on Spark's listener thread, when its map side has finished
   */
  public MapStageClock(JavaPairRDD<?, ?> shuffled, Runnable onDone) {
    this.shuffleId =
        ((org.apache.spark.ShuffleDependency<?, ?, ?>) shuffled.rdd().dependencies().head())
            .shuffleId();
    this.onDone = onDone;
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo stage = event.stageInfo();
    if (stage.failureReason().isEmpty()
        && stage.shuffleDepId().isDefined()
        && ((Integer) stage.shuffleDepId().get()) == shuffleId
        && done.getCount() > 0) {
      completedAtMillis =
          stage.completionTime().isDefined()
              ? (Long) stage.completionTime().get()
              : System.currentTimeMillis();
      done.countDown();
      onDone.run();
    }
  }

  /**
   * When the map side finished (epoch millis), waiting a moment for Spark's listener bus, which
   * delivers events after the job may have returned; {@code fallbackMillis} if it never says.
   */
  public long completedAtMillis(long fallbackMillis) throws InterruptedException {
    return done.await(5, TimeUnit.SECONDS) ? completedAtMillis : fallbackMillis;
  }
}
