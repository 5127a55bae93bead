package io.fundflow.batch.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Pairs two runs of rows, each sorted by rowkey in HBase's order (unsigned bytes), by key: the
 * streamed replacement of a full outer join, holding neither side in memory.
 */
final class SortedMerge {

  /** Receives every key of either side with its expected and served value (null: not on that side). */
  @FunctionalInterface
  interface Pairs {
    void pair(byte[] key, byte[] expected, byte[] served) throws IOException;
  }

  private SortedMerge() {}

  /**
   * Calls {@code pairs} once per key in key order. Should the expected side repeat a key (a source
   * with a duplicated entry), each of its rows is paired with the one served row, as a join would.
   */
  static void merge(Iterator<RowCell> expected, Iterator<RowCell> served, Pairs pairs)
      throws IOException {
    RowCell e = next(expected);
    RowCell s = next(served);
    while (e != null || s != null) {
      int c = e == null ? 1 : s == null ? -1 : Arrays.compareUnsigned(e.key(), s.key());
      if (c < 0) {
        pairs.pair(e.key(), e.value(), null);
        e = next(expected);
      } else if (c > 0) {
        pairs.pair(s.key(), null, s.value());
        s = next(served);
      } else {
        pairs.pair(e.key(), e.value(), s.value());
        e = next(expected);
        if (e == null || !Arrays.equals(e.key(), s.key())) {
          s = next(served);
        }
      }
    }
  }

  private static RowCell next(Iterator<RowCell> rows) {
    return rows.hasNext() ? rows.next() : null;
  }
}
