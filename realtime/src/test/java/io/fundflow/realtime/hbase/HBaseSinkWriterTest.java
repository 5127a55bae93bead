package io.fundflow.realtime.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.RowMutation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's batching, back-pressure, retry and failure rules, with the HBase side replaced by an
 * in-memory {@link BatchWriter} (the real one is covered by {@code HBaseSinkIT}).
 */
class HBaseSinkWriterTest {

  /** Records batches; fails or blocks them as the test says. */
  private static final class RecordingWriter implements BatchWriter {
    final List<List<Mutation>> batches = Collections.synchronizedList(new ArrayList<>());
    volatile int transientFailures;
    volatile boolean permanentFailure;
    volatile CountDownLatch gate;
    final CountDownLatch firstWriteStarted = new CountDownLatch(1);

    @Override
    public List<Failed> write(List<Mutation> batch) throws InterruptedException {
      firstWriteStarted.countDown();
      CountDownLatch g = gate;
      if (g != null) {
        g.await();
      }
      batches.add(List.copyOf(batch));
      if (permanentFailure) {
        return batch.stream().map(m -> new Failed(m, new DoNotRetryIOException("no such table"))).toList();
      }
      if (transientFailures > 0) {
        transientFailures--;
        return List.of(new Failed(batch.get(0), new IOException("region moved")));
      }
      return List.of();
    }

    @Override
    public void close() {}
  }

  /** Timers the test fires by hand, on the test's thread as Flink fires them on the task thread. */
  private static final class ManualTimers implements ProcessingTimeService {
    final List<ProcessingTimeCallback> due = new ArrayList<>();

    @Override
    public long getCurrentProcessingTime() {
      return 0;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
      due.add(callback);
      return null;
    }

    void fire() throws Exception {
      List<ProcessingTimeCallback> now = List.copyOf(due);
      due.clear();
      for (ProcessingTimeCallback c : now) {
        c.onProcessingTime(0);
      }
    }
  }

  private final RecordingWriter hbase = new RecordingWriter();
  private final ManualTimers timers = new ManualTimers();
  private HBaseSinkWriter writer;

  private HBaseSinkWriter writer(long batchBytes, long maxInFlightBytes) {
    writer =
        new HBaseSinkWriter(
            new HBaseSinkWriter.Writers() {
              @Override
              public BatchWriter open(String table) {
                return hbase;
              }

              @Override
              public void close() {}
            },
            new HBaseSinkWriter.Limits(batchBytes, Duration.ofMillis(200), maxInFlightBytes, 3, 1),
            timers,
            new HBaseSinkMetrics(new UnregisteredMetricsGroup()));
    return writer;
  }

  @AfterEach
  void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }

  private static RowMutation put(String row, long version, String value) {
    return RowMutation.put(
        "t", row.getBytes(StandardCharsets.UTF_8), version, Map.of("s", value.getBytes(StandardCharsets.UTF_8)));
  }

  private int sent() {
    synchronized (hbase.batches) {
      return hbase.batches.stream().mapToInt(List::size).sum();
    }
  }

  @Test
  void aCheckpointSendsEverythingCoalescedAndWaitsForIt() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    for (int i = 0; i < 100; i++) {
      w.write(put("busy", i, "v" + i), null);
      w.write(put("r" + i, 1, "x"), null);
    }
    assertTrue(hbase.batches.isEmpty(), "nothing is sent before the batch fills or the timer fires");
    w.flush(false);
    assertEquals(1, hbase.batches.size());
    List<Mutation> batch = hbase.batches.get(0);
    assertEquals(101, batch.size());
    assertEquals("busy", Bytes.toString(batch.get(0).getRow()));
    assertEquals(99, batch.get(0).getTimestamp());
  }

  @Test
  void theTimerSendsAQuietStreamsWrites() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    w.write(put("a", 1, "x"), null);
    assertEquals(1, timers.due.size());
    timers.fire();
    awaitSent(1);
    w.write(put("b", 2, "x"), null);
    assertEquals(1, timers.due.size(), "the next write arms the timer again");
  }

  @Test
  void aFullBatchIsHandedOverWithoutWaitingForTheTimer() throws Exception {
    HBaseSinkWriter w = writer(1_000, 1 << 20);
    for (int i = 0; i < 50; i++) {
      w.write(put("r" + i, 1, "x".repeat(100)), null);
    }
    awaitSent(45);
    assertTrue(hbase.batches.size() > 1);
  }

  @Test
  void aSlowHBaseBlocksWritesOnceTheInFlightBoundIsReached() throws Exception {
    HBaseSinkWriter w = writer(1_000, 2_000);
    hbase.gate = new CountDownLatch(1);
    CompletableFuture<Void> writes =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < 100; i++) {
                  w.write(put("r" + i, 1, "x".repeat(100)), null);
                }
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    Thread.sleep(300);
    assertFalse(writes.isDone(), "writes must block while HBase does not answer");
    hbase.gate.countDown();
    writes.get(10, TimeUnit.SECONDS);
    w.flush(false);
    assertEquals(100, sent());
  }

  @Test
  void batchesQueuedBehindASlowWriteGoOutAsOneCoalescedWrite() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    hbase.gate = new CountDownLatch(1);
    w.write(put("a", 1, "x"), null);
    timers.fire();
    assertTrue(hbase.firstWriteStarted.await(10, TimeUnit.SECONDS));
    // Three more batches queue while the first write waits for HBase.
    w.write(put("b", 2, "x"), null);
    timers.fire();
    w.write(put("b", 3, "y"), null);
    w.write(put("c", 3, "z"), null);
    timers.fire();
    w.write(put("a", 4, "w"), null);
    timers.fire();
    hbase.gate.countDown();
    w.flush(false);
    assertEquals(2, hbase.batches.size(), "the first batch, then the three queued ones as one write");
    assertEquals(List.of("a"), rows(hbase.batches.get(0)));
    List<Mutation> merged = hbase.batches.get(1);
    assertEquals(List.of("b", "c", "a"), rows(merged), "in first-write order, one write per row");
    assertEquals(3, merged.get(0).getTimestamp(), "b's newer put hides its older one");
    assertEquals(4, merged.get(2).getTimestamp());
  }

  @Test
  void aMergedWriteStaysWithinTheBatchSize() throws Exception {
    HBaseSinkWriter w = writer(1_000, 1 << 20);
    hbase.gate = new CountDownLatch(1);
    w.write(put("first", 1, "x"), null);
    timers.fire();
    assertTrue(hbase.firstWriteStarted.await(10, TimeUnit.SECONDS));
    // Ten timer batches of two ~200-byte rows queue up; two of them fit in 1,000 bytes, three not.
    for (int b = 0; b < 10; b++) {
      w.write(put("r" + b + "a", 1, "x".repeat(100)), null);
      w.write(put("r" + b + "b", 1, "x".repeat(100)), null);
      timers.fire();
    }
    hbase.gate.countDown();
    w.flush(false);
    assertEquals(21, sent());
    List<Integer> sizes = hbase.batches.stream().map(List::size).toList();
    assertEquals(List.of(1, 4, 4, 4, 4, 4), sizes);
  }

  private static List<String> rows(List<Mutation> batch) {
    return batch.stream().map(m -> Bytes.toString(m.getRow())).toList();
  }

  @Test
  void transientFailuresAreRetried() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    hbase.transientFailures = 2;
    w.write(put("a", 1, "x"), null);
    w.write(put("b", 1, "x"), null);
    w.flush(false);
    assertEquals(3, hbase.batches.size(), "the batch, then its failed mutation twice");
    assertEquals(1, hbase.batches.get(2).size());
  }

  @Test
  void aFailureThatOutlastsTheRetriesFailsTheCheckpointAndLaterWrites() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    hbase.transientFailures = 10;
    w.write(put("a", 1, "x"), null);
    IOException e = assertThrows(IOException.class, () -> w.flush(false));
    assertTrue(e.getMessage().contains("replays"), e.getMessage());
    assertEquals(3, hbase.batches.size(), "three attempts in all");
    assertThrows(IOException.class, () -> w.write(put("b", 1, "x"), null));
  }

  @Test
  void aPermanentFailureIsNotRetried() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    hbase.permanentFailure = true;
    w.write(put("a", 1, "x"), null);
    assertThrows(IOException.class, () -> w.flush(true));
    assertEquals(1, hbase.batches.size());
  }

  private void awaitSent(int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (sent() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(sent() >= atLeast, "sent " + sent());
  }

  @Test
  void senderThreadsStopOnClose() throws Exception {
    HBaseSinkWriter w = writer(1 << 20, 4 << 20);
    w.write(put("a", 1, "x"), null);
    w.flush(false);
    assertTrue(senderThreads() > 0);
    w.close();
    writer = null;
    assertEquals(0, senderThreads());
  }

  private static long senderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("hbase-sender-"))
        .count();
  }
}
