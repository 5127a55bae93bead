package io.fundflow.hbase;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CompactionState;

/**
 * Brings tables to rest before a benchmark measures them: memstores flushed and no compaction
 * running, so that what is timed is the work measured, not the region server rewriting the files a
 * load just left (which slowed reads and writes alike, and the later runs of a series most).
 */
public final class TablesAtRest {

  private static final long POLL_MILLIS = 5_000;

  private TablesAtRest() {}

  /**
   * Flushes the tables, major-compacts them when asked, and waits until none has a compaction
   * running.
   *
   * @return how long it took
   */
  public static Duration settle(Admin admin, boolean majorCompact, List<TableName> tables)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    for (TableName table : tables) {
      admin.flush(table);
      if (majorCompact) {
        // Requested by hand, HBase rewrites every region, even one already in a single file.
        admin.majorCompact(table);
      }
    }
    Thread.sleep(POLL_MILLIS); // let the flushes and the request queue their compactions
    for (TableName table : tables) {
      while (admin.getCompactionState(table) != CompactionState.NONE) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
