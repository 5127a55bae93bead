package io.fundflow.realtime.hbase;

import io.fundflow.common.hbase.RowMutation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writes of one table waiting to be sent, coalesced per row: a write that a newer one of the
 * same row makes irrelevant is dropped, so a busy row (a customer-day summary changing with every
 * flow) costs one mutation per batch instead of one per change.
 *
 * <p>What stays of one row never depends on the order it is applied in, which is what lets a whole
 * batch go to HBase at once: the region server may apply a batch's mutations of one row in any
 * order. With cell versions set from the source position and {@code VERSIONS 1} tables:
 *
 * <ul>
 *   <li>a row delete at version v masks every write of the row at or below v, whichever arrives
 *       first, so it replaces them, and a later write at or below v is dropped;
 *   <li>two puts of the same version are merged, the later one's cells winning — as HBase lets the
 *       later of two equal-version writes win (the stream relies on that for summaries);
 *   <li>a put at a higher version that sets every qualifier of an older put hides it;
 *   <li>what can remain together — a delete below a put, puts of different versions with different
 *       qualifiers — gives the same row in either order.
 * </ul>
 *
 * Not thread-safe: filled by the task thread, then handed whole to a sender.
 */
final class RowBatch {

  /** Per row, the surviving writes: a {@link RowMutation}, or a {@code List} in the rare case of several. */
  private final Map<ByteBuffer, Object> rows = new LinkedHashMap<>();

  private long bytes;
  private int mutations;
  private long coalesced;

  /** Adds a write of this batch's table. */
  void add(RowMutation m) {
    ByteBuffer row = ByteBuffer.wrap(m.row());
    Object kept = rows.get(row);
    if (kept == null) {
      rows.put(row, m);
      count(m, 1);
      return;
    }
    List<RowMutation> survivors = new ArrayList<>(writesOf(kept));
    for (RowMutation e : survivors) {
      count(e, -1);
    }
    int before = survivors.size() + 1;
    merge(survivors, m);
    coalesced += before - survivors.size();
    for (RowMutation e : survivors) {
      count(e, 1);
    }
    rows.put(row, survivors.size() == 1 ? survivors.get(0) : survivors);
  }

  /** Adds {@code m} to the surviving writes of its row, dropping whatever became irrelevant. */
  static void merge(List<RowMutation> survivors, RowMutation m) {
    for (RowMutation e : survivors) {
      if (hides(e, m)) {
        return;
      }
    }
    RowMutation incoming = m;
    for (int i = survivors.size() - 1; i >= 0; i--) {
      RowMutation e = survivors.get(i);
      if (hides(incoming, e)) {
        survivors.remove(i);
      } else if (e.kind() == RowMutation.Kind.PUT
          && incoming.kind() == RowMutation.Kind.PUT
          && e.version() == incoming.version()) {
        TreeMap<String, byte[]> cells = new TreeMap<>(e.cells());
        cells.putAll(incoming.cells());
        incoming = RowMutation.put(incoming.table(), incoming.row(), incoming.version(), cells);
        survivors.remove(i);
      }
    }
    survivors.add(incoming);
  }

  /** True when, with {@code a} written, {@code b} changes nothing, in whichever order they apply. */
  static boolean hides(RowMutation a, RowMutation b) {
    if (a.kind() == RowMutation.Kind.DELETE_ROW) {
      return a.version() >= b.version();
    }
    return b.kind() == RowMutation.Kind.PUT
        && a.version() > b.version()
        && a.cells().keySet().containsAll(b.cells().keySet());
  }

  private void count(RowMutation m, int sign) {
    bytes += sign * m.estimatedSize();
    mutations += sign;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Estimated bytes of the surviving writes. */
  long bytes() {
    return bytes;
  }

  /** Surviving writes. */
  int size() {
    return mutations;
  }

  /** Writes dropped because a newer write of the same row made them irrelevant. */
  long coalesced() {
    return coalesced;
  }

  /** The surviving writes, in the order their rows were first written. */
  List<RowMutation> mutations() {
    List<RowMutation> out = new ArrayList<>(mutations);
    for (Object kept : rows.values()) {
      out.addAll(writesOf(kept));
    }
    return out;
  }

  /** A row's kept writes: one write is stored bare, several as a list (most rows have one). */
  @SuppressWarnings("unchecked")
  private static List<RowMutation> writesOf(Object kept) {
    return kept instanceof RowMutation one ? List.of(one) : (List<RowMutation>) kept;
  }
}
