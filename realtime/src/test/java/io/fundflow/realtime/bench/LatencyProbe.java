package io.fundflow.realtime.bench;

import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.names.Topics;
import io.fundflow.hbase.HBaseMutations;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Table;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Latency at a fixed rate: a producer paced at {@code rate} journal inserts a second, each stamped
 * with its send time as the source time ({@code source.ts_ms}); a reader polls HBase for a sample of
 * the detail rows and records when each becomes visible.
 */
final class LatencyProbe {

  /** What the probe saw: latencies (ms) of the sampled rows that became visible, and those that did not. */
  record Result(List<Long> latenciesMillis, int sent, int sampled, int missing, double achievedRate) {

    /**
     * The latency at quantile {@code p} of every sampled row, the rows never seen counting as
     * slower than all others; -1 when that quantile falls among them.
     */
    long percentile(double p) {
      int i = Math.max(0, (int) Math.ceil(p * sampled) - 1);
      return i < latenciesMillis.size() ? latenciesMillis.get(i) : -1;
    }
  }

  private record Sample(byte[] rowKey, long sourceMillis) {}

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int SAMPLES_PER_SECOND = 50;

  private LatencyProbe() {}

  static Result run(
      KafkaProducer<byte[], byte[]> producer,
      Connection hbase,
      BenchWorkload dimensions,
      LocalDate day,
      int rate,
      int seconds,
      long firstScn,
      Progress progress)
      throws Exception {
    ConcurrentLinkedQueue<Sample> fresh = new ConcurrentLinkedQueue<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int total = rate * seconds;
    int sampleEvery = Math.max(1, rate / SAMPLES_PER_SECOND);
    AtomicBoolean done = new AtomicBoolean();
    Thread reader =
        new Thread(() -> poll(hbase, fresh, latencies, failure, done), "latency-reader");
    reader.setDaemon(true);
    reader.start();

    SplittableRandom random = new SplittableRandom(day.toEpochDay());
    int initDate = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    int sampled = 0;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long now = System.nanoTime();
      if (due > now) {
        LockSupport.parkNanos(due - now);
      }
      FundJournalEntry e =
          BenchWorkload.newEntry(
              random, initDate, i + 1, day.atTime(9, 0), i, total,
              dimensions.customers(), dimensions.channels());
      long sourceMillis = System.currentTimeMillis();
      producer.send(
          new ProducerRecord<>(
              Topics.ODS_FUND_JOURNAL,
              e.primaryKey().getBytes(StandardCharsets.UTF_8),
              DebeziumText.journal("c", null, e, firstScn + i, sourceMillis)),
          (md, ex) -> {
            if (ex != null) {
              failure.compareAndSet(null, ex);
            }
          });
      if (i % sampleEvery == 0) {
        fresh.add(
            new Sample(
                FundFlowRowKey.encode(e.clientId(), e.occurTime(), e.serialNo(), e.initDate()),
                sourceMillis));
        sampled++;
      }
      if ((i + 1) % rate == 0) {
        progress.line(
            "latency: sent %,d/%,d, %,d samples visible so far", i + 1, total, latencies.size());
      }
    }
    double achieved = total / ((System.nanoTime() - start) / 1e9);
    producer.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (latencies.size() < sampled && System.nanoTime() < deadline && failure.get() == null) {
      Thread.sleep(50);
    }
    done.set(true);
    reader.join(5_000);
    if (failure.get() != null) {
      throw new IllegalStateException("latency probe failed", failure.get());
    }
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    Collections.sort(sorted);
    return new Result(sorted, total, sampled, sampled - sorted.size(), achieved);
  }

  /** Checks every pending sample each poll, with one multi-get of existence checks. */
  private static void poll(
      Connection hbase,
      ConcurrentLinkedQueue<Sample> fresh,
      List<Long> latencies,
      AtomicReference<Throwable> failure,
      AtomicBoolean done) {
    List<Sample> pending = new ArrayList<>();
    try (Table table = hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))) {
      while (!done.get()) {
        for (Sample s = fresh.poll(); s != null; s = fresh.poll()) {
          pending.add(s);
        }
        if (!pending.isEmpty()) {
          List<Get> gets = new ArrayList<>(pending.size());
          for (Sample s : pending) {
            gets.add(new Get(s.rowKey()).setCheckExistenceOnly(true));
          }
          boolean[] exists = table.exists(gets);
          long now = System.currentTimeMillis();
          List<Sample> still = new ArrayList<>();
          for (int i = 0; i < exists.length; i++) {
            if (exists[i]) {
              latencies.add(now - pending.get(i).sourceMillis());
            } else {
              still.add(pending.get(i));
            }
          }
          pending = still;
        }
        LockSupport.parkNanos(POLL_NANOS);
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }
}
