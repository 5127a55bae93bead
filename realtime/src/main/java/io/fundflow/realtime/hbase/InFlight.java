package io.fundflow.realtime.hbase;

import java.io.IOException;

/**
 * What the sink writer has handed to its senders and they have not finished: bounded in bytes, so
 * a slow HBase blocks the task thread (back-pressure) rather than filling the heap, and the first
 * failure, which fails the next write or checkpoint.
 */
final class InFlight {

  private final long maxBytes;
  private long bytes;
  private int batches;
  private Throwable failure;

  /** @param maxBytes the most bytes in flight; a single larger batch is let through alone */
  InFlight(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** Waits until {@code size} more bytes fit, then counts them in; rethrows a sender's failure. */
  synchronized void acquire(long size) throws IOException, InterruptedException {
    while (failure == null && batches > 0 && bytes + size > maxBytes) {
      wait();
    }
    rethrow();
    bytes += size;
    batches++;
  }

  /** A batch of {@code size} bytes is done, written or failed. */
  synchronized void release(long size) {
    bytes -= size;
    batches--;
    notifyAll();
  }

  /** Records a failure; the first one is kept. */
  synchronized void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
    notifyAll();
  }

  synchronized boolean failed() {
    return failure != null;
  }

  /** Waits until every batch handed over is done, then rethrows a failure if there was one. */
  synchronized void awaitDone() throws IOException, InterruptedException {
    while (failure == null && batches > 0) {
      wait();
    }
    rethrow();
  }

  /** Throws when a sender failed. */
  synchronized void rethrow() throws IOException {
    if (failure != null) {
      throw new IOException(
          "HBase writes failed; failing so the job replays from its last checkpoint", failure);
    }
  }

  synchronized long bytes() {
    return bytes;
  }
}
