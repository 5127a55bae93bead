package io.fundflow.serving.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditWriterTest {

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final List<AuditEntry> written = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

  private static AuditEntry entry(int i) {
    return new AuditEntry(
        "alice", "C" + i, null, null, "fund-flows", (long) i, "OK", 200, LocalDateTime.now());
  }

  private double counter(String name) {
    return metrics.counter(name).count();
  }

  /**
   * A writer whose first batch, row 0 alone, waits for {@code stuck}: returns once the writer holds
   * it, so the queue is empty and {@code queueSize} places are free.
   */
  private AuditWriter holdingRowZero(CountDownLatch stuck, int queueSize) throws Exception {
    CountDownLatch inWrite = new CountDownLatch(1);
    AuditWriter writer =
        new AuditWriter(
            rows -> {
              inWrite.countDown();
              stuck.await();
              written.addAll(rows);
            },
            queueSize,
            1,
            metrics);
    assertTrue(writer.submit(entry(0)));
    assertTrue(inWrite.await(5, TimeUnit.SECONDS));
    return writer;
  }

  @Test
  void writesEveryRowInSubmissionOrderInBatches() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    AuditWriter writer =
        new AuditWriter(
            rows -> {
              gate.await();
              batchSizes.add(rows.size());
              written.addAll(rows);
            },
            1000,
            50,
            metrics);
    List<AuditEntry> sent = IntStream.range(0, 120).mapToObj(AuditWriterTest::entry).toList();
    sent.forEach(e -> assertTrue(writer.submit(e)));
    gate.countDown();
    assertTrue(writer.awaitWritten(Duration.ofSeconds(10)));
    assertEquals(sent, written);
    assertTrue(batchSizes.stream().allMatch(n -> n <= 50), batchSizes.toString());
    assertTrue(batchSizes.size() < 120, "rows were batched: " + batchSizes);
    assertEquals(120, counter("fundflow.audit.rows.written"));
    writer.close();
  }

  @Test
  void aFullQueueDropsAndCountsTheRowWithoutBlocking() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    AuditWriter writer = holdingRowZero(stuck, 3);
    for (int i = 1; i <= 3; i++) {
      assertTrue(writer.submit(entry(i)));
    }
    long t0 = System.nanoTime();
    assertFalse(writer.submit(entry(4)));
    assertFalse(writer.submit(entry(5)));
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "submit never waits");
    assertEquals(2, counter("fundflow.audit.rows.dropped"));
    stuck.countDown();
    writer.close();
    assertEquals(
        List.of(0, 1, 2, 3), written.stream().map(e -> e.rowsReturned().intValue()).toList());
  }

  @Test
  void aReservedPlaceCountsAgainstTheQueueAndItsRowIsWrittenEvenAfterCloseBegan()
      throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    AuditWriter writer = holdingRowZero(stuck, 2);
    AuditWriter.Reservation place = writer.reserve().orElseThrow();
    assertTrue(writer.submit(entry(1)));
    assertFalse(writer.submit(entry(2)), "one queued and one reserved row fill a queue of two");
    assertTrue(writer.reserve().isEmpty());

    stuck.countDown();
    Thread closing = new Thread(() -> writer.close(Duration.ofSeconds(30)));
    closing.start();
    Thread.sleep(300); // close() has begun and waits for the reserved row
    assertTrue(closing.isAlive(), "close waits for a reserved row");
    assertTrue(writer.reserve().isEmpty(), "a closing writer reserves no more");
    place.submit(entry(3));
    closing.join(10_000);
    assertFalse(closing.isAlive());
    assertEquals(
        List.of(0, 1, 3), written.stream().map(e -> e.rowsReturned().intValue()).toList());
    assertEquals(1, counter("fundflow.audit.rows.dropped"));
  }

  @Test
  void anUnusedReservationGivesItsPlaceBack() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    AuditWriter writer = holdingRowZero(stuck, 1);
    AuditWriter.Reservation place = writer.reserve().orElseThrow();
    assertFalse(writer.submit(entry(1)));
    place.close();
    place.close(); // twice is harmless
    assertTrue(writer.submit(entry(2)));
    assertThrows(IllegalStateException.class, () -> place.submit(entry(3)));
    stuck.countDown();
    writer.close();
    assertEquals(List.of(0, 2), written.stream().map(e -> e.rowsReturned().intValue()).toList());
  }

  @Test
  void closeDrainsTheQueueBeforeReturning() {
    AuditWriter writer =
        new AuditWriter(
            rows -> {
              Thread.sleep(20); // a slow database
              written.addAll(rows);
            },
            10_000,
            10,
            metrics);
    IntStream.range(0, 500).forEach(i -> assertTrue(writer.submit(entry(i))));
    writer.close(Duration.ofSeconds(30));
    assertEquals(500, written.size());
    assertFalse(writer.submit(entry(501)), "a closed writer takes no more rows");
  }

  @Test
  void aFailedBatchIsRetriedUntilWrittenOnce() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    AuditWriter writer =
        new AuditWriter(
            rows -> {
              if (attempts.incrementAndGet() <= 2) {
                throw new java.sql.SQLException("database down");
              }
              written.addAll(rows);
            },
            100,
            100,
            metrics);
    writer.submit(entry(1));
    assertTrue(writer.awaitWritten(Duration.ofSeconds(10)));
    assertEquals(1, written.size());
    assertEquals(3, attempts.get());
    writer.close();
  }

  @Test
  void atShutdownADeadDatabaseIsGivenUpAndCounted() {
    AuditWriter writer =
        new AuditWriter(
            rows -> {
              throw new java.sql.SQLException("database gone");
            },
            100,
            100,
            metrics);
    writer.submit(entry(1));
    writer.submit(entry(2));
    writer.close(Duration.ofSeconds(30));
    assertEquals(2, counter("fundflow.audit.rows.failed"));
    assertEquals(0, counter("fundflow.audit.rows.written"));
  }
}
