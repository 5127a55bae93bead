package io.fundflow.realtime.bench;

import io.fundflow.common.hbase.RowMutation;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.BufferedMutatorParams;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Mutation;

/**
 * The baseline: the job's HBase writes, prepared beforehand, pushed through bare {@link
 * BufferedMutator}s (one per table, the job's write-buffer size) from one thread — the fastest the
 * job could possibly write them.
 */
final class BareHBaseWrites {

  private final List<TableName> tables = new ArrayList<>();
  private final List<Mutation> mutations = new ArrayList<>();
  private final List<Integer> tableOf = new ArrayList<>();
  private long cellBytes;

  /** Adds a write, converted now so that the timed part only writes. */
  void add(RowMutation m) {
    TableName table = HBaseMutations.tableOf(m);
    int index = tables.indexOf(table);
    if (index < 0) {
      tables.add(table);
      index = tables.size() - 1;
    }
    mutations.add(HBaseMutations.toHBase(m));
    tableOf.add(index);
    for (byte[] v : m.cells().values()) {
      cellBytes += v.length;
    }
  }

  int size() {
    return mutations.size();
  }

  long cellBytes() {
    return cellBytes;
  }

  /**
   * Writes everything and flushes; returns the elapsed nanoseconds.
   *
   * @param progress called with the number of mutations written so far, every 100,000
   */
  long write(Connection connection, long writeBufferBytes, java.util.function.LongConsumer progress)
      throws IOException {
    Map<Integer, BufferedMutator> mutators = new HashMap<>();
    try {
      for (int i = 0; i < tables.size(); i++) {
        mutators.put(
            i,
            connection.getBufferedMutator(
                new BufferedMutatorParams(tables.get(i)).writeBufferSize(writeBufferBytes)));
      }
      long start = System.nanoTime();
      for (int i = 0; i < mutations.size(); i++) {
        mutators.get(tableOf.get(i)).mutate(mutations.get(i));
        if ((i + 1) % 100_000 == 0) {
          progress.accept(i + 1);
        }
      }
      for (BufferedMutator m : mutators.values()) {
        m.flush();
      }
      return System.nanoTime() - start;
    } finally {
      for (BufferedMutator m : mutators.values()) {
        m.close();
      }
    }
  }
}
