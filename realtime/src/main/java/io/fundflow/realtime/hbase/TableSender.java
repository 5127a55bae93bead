package io.fundflow.realtime.hbase;

import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.Mutation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one table's batches on a thread of its own, one after the other, so the Flink task thread
 * goes on building the next batch while HBase answers. A batch is finished — every mutation
 * written, or the failure recorded — before the next starts, so two batches of the table never
 * overlap (an equal-version put written later must land later).
 *
 * <p>Mutations that fail after the client's own retries are retried here {@code attempts - 1}
 * more times with a growing pause, unless HBase says retrying cannot help ({@link
 * DoNotRetryIOException}: no such table or family, a malformed mutation). What still fails is
 * recorded in {@link InFlight}, which fails the next write or checkpoint.
 *
 * <p>Batches that queued up while a write was in progress go out together as one write, coalesced
 * per row as if they had been one batch (group commit), up to {@code maxMergeBytes}: a slow HBase
 * then gets fewer, larger requests instead of a growing queue of small ones, and a quiet stream
 * keeps its one small batch per flush interval.
 */
final class TableSender implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TableSender.class);

  /** A batch and the bytes it holds of the in-flight budget. */
  private record Batch(List<RowMutation> mutations, long bytes) {}

  private final String table;
  private final BatchWriter writer;
  private final InFlight inFlight;
  private final HBaseSinkMetrics metrics;
  private final int attempts;
  private final long retryPauseMillis;
  private final long maxMergeBytes;
  private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  /**
   * @param attempts how many times a failed mutation is tried in all, at least 1
   * @param retryPauseMillis the pause before the first retry, doubled for each next one
   * @param maxMergeBytes the most bytes of queued batches sent as one write
   */
  TableSender(
      String table,
      BatchWriter writer,
      InFlight inFlight,
      HBaseSinkMetrics metrics,
      int attempts,
      long retryPauseMillis,
      long maxMergeBytes) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
    }
    this.table = table;
    this.writer = writer;
    this.inFlight = inFlight;
    this.metrics = metrics;
    this.attempts = attempts;
    this.retryPauseMillis = retryPauseMillis;
    this.maxMergeBytes = maxMergeBytes;
    this.thread = new Thread(this::run, "hbase-sender-" + table);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a batch; blocks while the in-flight budget is spent (back-pressure).
   *
   * @throws IOException when a sender failed
   */
  void send(List<RowMutation> mutations, long bytes) throws IOException, InterruptedException {
    inFlight.acquire(bytes);
    queue.add(new Batch(mutations, bytes));
  }

  private void run() {
    while (!closed) {
      Batch batch;
      try {
        batch = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        continue;
      }
      List<Batch> taken = new ArrayList<>();
      taken.add(batch);
      long bytes = batch.bytes();
      // Only this thread takes from the queue, so what it peeks at is what it polls.
      for (Batch next = queue.peek();
          next != null && bytes + next.bytes() <= maxMergeBytes;
          next = queue.peek()) {
        taken.add(queue.poll());
        bytes += next.bytes();
      }
      try {
        if (!inFlight.failed()) {
          write(taken.size() == 1 ? batch.mutations() : merged(taken));
        }
      } catch (InterruptedException e) {
        inFlight.fail(e);
        return;
      } catch (Throwable t) {
        inFlight.fail(t);
      } finally {
        for (Batch b : taken) {
          inFlight.release(b.bytes());
        }
      }
    }
  }

  /** The batches' writes in order, coalesced per row as one batch would have been. */
  private List<RowMutation> merged(List<Batch> batches) {
    RowBatch merged = new RowBatch();
    for (Batch b : batches) {
      for (RowMutation m : b.mutations()) {
        merged.add(m);
      }
    }
    metrics.coalesced.inc(merged.coalesced());
    metrics.groupCommits.inc();
    return merged.mutations();
  }

  private void write(List<RowMutation> mutations) throws IOException, InterruptedException {
    // Converted here rather than on the task thread, which has the rest of the job to run.
    List<Mutation> pending = new ArrayList<>(mutations.size());
    for (RowMutation m : mutations) {
      pending.add(HBaseMutations.toHBase(m));
    }
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      List<BatchWriter.Failed> failed = writer.write(pending);
      metrics.flushed(pending.size() - failed.size(), (System.nanoTime() - start) / 1_000_000);
      if (failed.isEmpty()) {
        return;
      }
      BatchWriter.Failed permanent =
          failed.stream().filter(f -> f.cause() instanceof DoNotRetryIOException).findFirst().orElse(null);
      if (permanent != null || attempt >= attempts) {
        metrics.errors.inc(failed.size());
        Throwable cause = (permanent != null ? permanent : failed.get(0)).cause();
        LOG.error(
            "HBase rejected {} mutation(s) of {} after {} attempt(s), e.g. {}",
            failed.size(), table, attempt, cause.toString());
        throw new IOException(
            failed.size() + " mutation(s) of " + table + " failed after " + attempt + " attempt(s)", cause);
      }
      metrics.retries.inc(failed.size());
      LOG.warn(
          "{} mutation(s) of {} failed (attempt {} of {}), retrying: {}",
          failed.size(), table, attempt, attempts, failed.get(0).cause().toString());
      Thread.sleep(retryPauseMillis << (attempt - 1));
      List<Mutation> again = new ArrayList<>(failed.size());
      for (BatchWriter.Failed f : failed) {
        again.add(f.mutation());
      }
      pending = again;
    }
  }

  /** Stops the thread (what is queued is dropped: only a checkpoint's flush guarantees delivery). */
  @Override
  public void close() throws IOException {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.close();
  }
}
