package io.fundflow.realtime.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HBase sink writer against the real local HBase: coalesced batches written by the sender
 * threads leave exactly the rows the writes imply, across batches and regions, and a write HBase
 * rejects fails the checkpoint's flush.
 */
@ExtendWith(LocalStackExtension.class)
class HBaseSinkIT {

  private static final byte[] FAMILY = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
  private static final String TABLE = HBaseLayout.CUSTOMER_DAY_TABLE;

  /** Timers that never fire: these tests hand batches over by size and at the checkpoint. */
  private static final ProcessingTimeService NO_TIMERS =
      new ProcessingTimeService() {
        @Override
        public long getCurrentProcessingTime() {
          return System.currentTimeMillis();
        }

        @Override
        public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
          return null;
        }
      };

  private final String run = "S" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);

  private static HBaseSinkWriter writer(StackEndpoints endpoints, long batchBytes) throws IOException {
    return new HBaseSinkWriter(
        HBaseSinkWriter.connect(new HBaseClientSettings(endpoints.hbase())),
        new HBaseSinkWriter.Limits(batchBytes, Duration.ofMillis(200), 4L << 20, 3, 100),
        NO_TIMERS,
        new HBaseSinkMetrics(new UnregisteredMetricsGroup()));
  }

  private byte[] row(String name) {
    // The salt byte first spreads the rows over the table's regions, as real rowkeys do.
    int salt = Math.floorMod(name.hashCode(), HBaseLayout.SALT_BUCKETS);
    byte[] rest = (run + "/" + name).getBytes(StandardCharsets.UTF_8);
    byte[] row = new byte[rest.length + 1];
    row[0] = (byte) salt;
    System.arraycopy(rest, 0, row, 1, rest.length);
    return row;
  }

  private RowMutation put(String name, long version, String value) {
    return RowMutation.put(TABLE, row(name), version, Map.of("s", value.getBytes(StandardCharsets.UTF_8)));
  }

  private RowMutation delete(String name, long version) {
    return RowMutation.deleteRow(TABLE, row(name), version);
  }

  @Test
  void coalescedBatchesLeaveTheRowsTheWritesImply(StackEndpoints endpoints) throws Exception {
    try (HBaseSinkWriter w = writer(endpoints, 2_000)) {
      // Small batches: the rows' writes are spread over many batches sent one after the other.
      for (int i = 0; i < 2_000; i++) {
        w.write(put("many-" + (i % 500), i, "v" + i), null);
      }
      w.write(put("put-then-delete", 3, "x"), null);
      w.write(delete("put-then-delete", 5), null);
      w.write(delete("delete-then-put", 3), null);
      w.write(put("delete-then-put", 5, "kept"), null);
      w.write(put("late-older", 9, "new"), null);
      w.write(put("late-older", 4, "old"), null);
      // The summary rule: after an emptied day, a put of the same version is served.
      w.write(put("equal-version", 500, "three"), null);
      w.write(put("equal-version", 700, ""), null);
      w.write(put("equal-version", 700, "two"), null);
      w.flush(false);
    }
    try (Connection c = ConnectionFactory.createConnection(new HBaseClientSettings(endpoints.hbase()).toConfiguration());
        Table t = c.getTable(HBaseMutations.tableName(TABLE))) {
      for (int r = 0; r < 500; r++) {
        assertEquals("v" + (1_500 + r), served(t, "many-" + r), "many-" + r);
      }
      assertNull(served(t, "put-then-delete"));
      assertEquals("kept", served(t, "delete-then-put"));
      assertEquals("new", served(t, "late-older"));
      assertEquals("two", served(t, "equal-version"));
      Result r = t.get(new Get(row("late-older")));
      assertEquals(9, r.rawCells()[0].getTimestamp());
    }
  }

  @Test
  void aRejectedWriteFailsTheCheckpoint(StackEndpoints endpoints) throws Exception {
    try (HBaseSinkWriter w = writer(endpoints, 1 << 20)) {
      w.write(RowMutation.put("no_such_table_" + run, row("x"), 1, Map.of("s", new byte[1])), null);
      IOException e = assertThrows(IOException.class, () -> w.flush(false));
      assertTrue(e.getMessage().contains("replays"), e.getMessage());
      assertThrows(IOException.class, () -> w.write(put("after", 1, "x"), null));
    }
  }

  @Test
  void aBatchOverEveryRegionIsWrittenPerRegionAndReportsEachRejectedMutation(StackEndpoints endpoints)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Connection c = ConnectionFactory.createConnection(new HBaseClientSettings(endpoints.hbase()).toConfiguration());
        TableBatchWriter w = new TableBatchWriter(c, HBaseMutations.tableName(TABLE), pool)) {
      List<Mutation> batch = new ArrayList<>();
      Set<String> rejected = new HashSet<>();
      for (int i = 0; i < 160; i++) {
        byte[] row = row("region-" + i);
        Put p = new Put(row, 1);
        if (row[0] == 3) {
          // A family the table does not have: HBase rejects this mutation, not its region's others.
          p.addColumn("nope".getBytes(StandardCharsets.UTF_8), "s".getBytes(StandardCharsets.UTF_8), new byte[1]);
          rejected.add("region-" + i);
        } else {
          p.addColumn(FAMILY, "s".getBytes(StandardCharsets.UTF_8), ("v" + i).getBytes(StandardCharsets.UTF_8));
        }
        batch.add(p);
      }
      assertEquals(HBaseLayout.SALT_BUCKETS, batch.stream().map(m -> m.getRow()[0]).distinct().count());
      assertFalse(rejected.isEmpty());

      List<BatchWriter.Failed> failed = w.write(batch);

      Set<String> failedRows = new HashSet<>();
      for (BatchWriter.Failed f : failed) {
        byte[] row = f.mutation().getRow();
        failedRows.add(new String(row, 1, row.length - 1, StandardCharsets.UTF_8));
      }
      Set<String> expected = new HashSet<>();
      rejected.forEach(name -> expected.add(run + "/" + name));
      assertEquals(expected, failedRows, "exactly the bad family's mutations fail");
      try (Table t = c.getTable(HBaseMutations.tableName(TABLE))) {
        for (int i = 0; i < 160; i++) {
          String name = "region-" + i;
          assertEquals(rejected.contains(name) ? null : "v" + i, served(t, name), name);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private String served(Table t, String name) throws IOException {
    byte[] q = "s".getBytes(StandardCharsets.UTF_8);
    byte[] v = t.get(new Get(row(name)).addColumn(FAMILY, q)).getValue(FAMILY, q);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  @Test
  void rowKeysAreWrittenAsGiven(StackEndpoints endpoints) throws Exception {
    try (HBaseSinkWriter w = writer(endpoints, 1 << 20)) {
      w.write(put("exact", 1, "x"), null);
      w.flush(true);
    }
    try (Connection c = ConnectionFactory.createConnection(new HBaseClientSettings(endpoints.hbase()).toConfiguration());
        Table t = c.getTable(HBaseMutations.tableName(TABLE))) {
      assertArrayEquals(row("exact"), t.get(new Get(row("exact"))).getRow());
    }
  }
}
