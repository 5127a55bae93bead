package io.fundflow.serving.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@code AUDIT_QUERY} rows off the request path: requests {@link #submit} into a bounded
 * queue without waiting, and one writer thread inserts them in batches, in submission order. A full
 * queue drops the row and counts it ({@code fundflow_audit_rows_dropped_total}) rather than making
 * the request wait for the database. A failed batch is retried until it is written or the writer is
 * closed; {@link #close} stops taking rows and drains the queue before it returns.
 *
 * <p>A request that must know its row will fit before it answers (a streamed export, whose row is
 * written at the end) {@link #reserve}s a place first; {@code queueSize} counts queued and reserved
 * rows together.
 */
public final class AuditWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  // An orderly stop retries a failing database this often before giving the rows up (and logging).
  private static final int RETRIES_WHEN_CLOSING = 3;

  /** Where batches go: {@link AuditLog#writeBatch} in the process, anything in tests. */
  @FunctionalInterface
  public interface BatchSink {
    /** Writes all of {@code rows} or throws. */
    void writeBatch(List<AuditEntry> rows) throws Exception;
  }

  private final BatchSink log;
  private final int batchSize;
  private final BlockingQueue<AuditEntry> queue = new LinkedBlockingQueue<>();
  private final Semaphore room; // places left for queued and reserved rows
  private final Counter written;
  private final Counter dropped;
  private final Counter lost;
  private final Thread writer;
  private final Object progress = new Object();
  private long accepted; // guarded by progress
  private long settled; // rows written or given up, guarded by progress
  private int reserved; // places held by reservations not used yet, guarded by progress
  private volatile boolean closing;

  /**
   * Starts the writer thread.
   *
   * @param queueSize rows that may wait for the writer
   * @param batchSize rows per insert batch (one transaction)
   */
  public AuditWriter(BatchSink log, int queueSize, int batchSize, MeterRegistry metrics) {
    this.log = log;
    this.batchSize = batchSize;
    this.room = new Semaphore(queueSize);
    this.written =
        Counter.builder("fundflow.audit.rows.written")
            .description("AUDIT_QUERY rows written")
            .register(metrics);
    this.dropped =
        Counter.builder("fundflow.audit.rows.dropped")
            .description("AUDIT_QUERY rows dropped because the writer's queue was full")
            .register(metrics);
    this.lost =
        Counter.builder("fundflow.audit.rows.failed")
            .description("AUDIT_QUERY rows given up after the database kept failing at shutdown")
            .register(metrics);
    Gauge.builder("fundflow.audit.queue.size", queue, BlockingQueue::size)
        .description("AUDIT_QUERY rows waiting for the writer")
        .register(metrics);
    this.writer = new Thread(this::run, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Queues a row without blocking.
   *
   * @return false when the queue was full (or the writer is closed) and the row was dropped
   */
  public boolean submit(AuditEntry entry) {
    Optional<Reservation> place = reserve();
    if (place.isEmpty()) {
      dropped.increment();
      LOG.warn("audit row dropped (queue full or closed): {}", entry);
      return false;
    }
    place.get().submit(entry);
    return true;
  }

  /**
   * Holds a place in the queue for a row submitted later, without blocking.
   *
   * @return empty when the queue is full or the writer is closed
   */
  public Optional<Reservation> reserve() {
    synchronized (progress) {
      if (closing || !room.tryAcquire()) {
        return Optional.empty();
      }
      reserved++;
      return Optional.of(new Reservation());
    }
  }

  /** A place in the queue held for one row; {@link #close} gives it back if no row came. */
  public final class Reservation implements AutoCloseable {
    private boolean used; // guarded by progress

    private Reservation() {}

    /** Queues the row in the held place; written even when the writer began closing since. */
    public void submit(AuditEntry entry) {
      synchronized (progress) {
        if (used) {
          throw new IllegalStateException("this reservation already holds a row");
        }
        used = true;
        reserved--;
        accepted++;
        queue.add(entry);
      }
    }

    /** Gives the place back when no row was submitted. */
    @Override
    public void close() {
      synchronized (progress) {
        if (!used) {
          used = true;
          reserved--;
          room.release();
        }
      }
    }
  }

  /** Whether every place is taken by a queued or reserved row: the next row would be dropped. */
  public boolean full() {
    return room.availablePermits() == 0;
  }

  /**
   * Waits until every row accepted before this call is written (or given up).
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      long target = accepted;
      while (settled < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return true;
    }
  }

  /** Stops taking rows and writes those still queued; waits up to {@code timeout}. */
  public void close(Duration timeout) {
    synchronized (progress) {
      closing = true;
    }
    try {
      writer.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      LOG.error("audit writer still busy after {}; {} rows not written", timeout, queue.size());
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  private void run() {
    List<AuditEntry> batch = new ArrayList<>(batchSize);
    while (true) {
      try {
        if (batch.isEmpty()) {
          AuditEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            if (drained()) {
              return;
            }
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, batchSize - 1);
          room.release(batch.size()); // out of the queue: their places are free again
        }
        writeWithRetries(batch);
        batch.clear();
      } catch (InterruptedException e) {
        // Nothing interrupts this thread on purpose: only close() ends the loop, once drained.
        LOG.warn("audit writer interrupted; carrying on until closed");
      }
    }
  }

  /** Closing, nothing queued, and no reserved row still to come. */
  private boolean drained() {
    synchronized (progress) {
      return closing && queue.isEmpty() && reserved == 0;
    }
  }

  private void writeWithRetries(List<AuditEntry> batch) throws InterruptedException {
    int failuresWhileClosing = 0;
    while (true) {
      try {
        log.writeBatch(batch);
        written.increment(batch.size());
        settle(batch.size());
        return;
      } catch (Exception e) {
        if (closing && ++failuresWhileClosing > RETRIES_WHEN_CLOSING) {
          LOG.error("giving up {} audit rows at shutdown: {}; rows: {}", batch.size(), e, batch);
          lost.increment(batch.size());
          settle(batch.size());
          return;
        }
        LOG.warn("audit batch of {} rows not written, retrying: {}", batch.size(), e.toString());
        Thread.sleep(RETRY_PAUSE.toMillis());
      }
    }
  }

  private void settle(int rows) {
    synchronized (progress) {
      settled += rows;
      progress.notifyAll();
    }
  }
}
