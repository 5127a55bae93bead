package io.fundflow.batch.spark;

import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.KeyRange;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;

/**
 * The served rows of one cell under some rowkey prefixes, scanned one prefix after the other and
 * streamed, never collected: in key order when the prefixes are. Only prefix scans, never a full
 * one; detail rows of other trading days in the scanned buckets are skipped.
 */
final class ServedRows implements Iterator<RowCell>, AutoCloseable {

  /** Rows per scanner RPC: large enough to stream, small enough for a task's memory. */
  private static final int SCAN_CACHING = 1000;

  private static final byte[] FAMILY = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);

  private final Table table;
  private final byte[] column;
  private final Iterator<byte[]> prefixes;
  private final int initDate;
  private ResultScanner scanner;
  private RowCell next;

  /**
   * @param initDate keep only detail rows with this INIT_DATE suffix; 0 to keep every row under
   *     the prefixes (summaries, whose prefix is the trading day)
   */
  ServedRows(Connection connection, String table, String qualifier, List<byte[]> prefixes, int initDate)
      throws IOException {
    this.table = connection.getTable(HBaseMutations.tableName(table));
    this.column = qualifier.getBytes(StandardCharsets.UTF_8);
    this.prefixes = List.copyOf(prefixes).iterator();
    this.initDate = initDate;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = fetch();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public RowCell next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowCell current = next;
    next = null;
    return current;
  }

  /** The next kept row, opening the next prefix's scanner when one ends; null after the last. */
  private RowCell fetch() throws IOException {
    while (true) {
      if (scanner == null) {
        if (!prefixes.hasNext()) {
          return null;
        }
        KeyRange range = KeyRange.prefix(prefixes.next());
        scanner =
            table.getScanner(
                new Scan()
                    .withStartRow(range.startInclusive())
                    .withStopRow(range.stopExclusive())
                    .addColumn(FAMILY, column)
                    .setCaching(SCAN_CACHING)
                    .setCacheBlocks(false));
      }
      Result r = scanner.next();
      if (r == null) {
        scanner.close();
        scanner = null;
        continue;
      }
      byte[] row = r.getRow();
      if (initDate == 0 || FundFlowRowKey.hasInitDate(row, initDate)) {
        // A scan restricted to the one cell returns only rows that have it.
        return new RowCell(row, r.getValue(FAMILY, column));
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (scanner != null) {
        scanner.close();
      }
    } finally {
      table.close();
    }
  }
}
