package io.fundflow.common.hbase;

import java.util.ArrayList;
import java.util.List;

/**
 * The serving tables in HBase and how they are pre-split. See {@code docs/rowkey.md} for the
 * reasons behind the numbers.
 */
public final class HBaseLayout {

  /** Namespace of every fundflow table. */
  public static final String NAMESPACE = "fundflow";

  /** Number of salt values; rowkeys start with one salt byte in [0, SALT_BUCKETS). */
  public static final int SALT_BUCKETS = 16;

  /** Fund-flow details, one row per journal entry. */
  public static final String FUND_FLOW_TABLE = "fund_flow";

  /** Customer-day summaries (DWS). */
  public static final String CUSTOMER_DAY_TABLE = "customer_day";

  /** Which day buckets hold a trading day's detail rows, so a correction can find them. */
  public static final String DAY_BUCKET_TABLE = "day_bucket";

  /** The single column family of every table: short, because HBase stores it in every cell. */
  public static final String FAMILY = "d";

  /** HBase's default HFile block size. */
  public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;

  /**
   * Block size of the detail table. A query seeks once per day bucket into a customer's rows, and
   * each seek reads (on a cache miss: inflates) and decodes its block up to the row, so half a
   * 64 KB block per day; 32 KB blocks made a sparse customer's 30-day page 2.3x cheaper in HBase
   * and left a heavy customer's full pages as fast (docs/benchmarks.md).
   */
  public static final int DETAIL_BLOCK_SIZE = 32 * 1024;

  /**
   * Bloom filter key of the detail table: a row's (salt, day bucket, CLIENT_ID) prefix. A page
   * scans each day's range of one customer on its own (with the region servers' RangeScanObserver),
   * and such a scan skips every store file whose filter says the customer has no row that day: a
   * sparse customer's empty days cost no block read.
   */
  public static final int DETAIL_BLOOM_PREFIX_LENGTH = FundFlowRowKey.CUSTOMER_DAY_PREFIX_LENGTH;

  private HBaseLayout() {}

  /** Every serving table, in bootstrap order. */
  public static List<HBaseTableSpec> tables() {
    List<byte[]> saltSplits = saltSplitPoints();
    return List.of(
        new HBaseTableSpec(
            NAMESPACE,
            FUND_FLOW_TABLE,
            List.of(FAMILY),
            saltSplits,
            DETAIL_BLOCK_SIZE,
            DETAIL_BLOOM_PREFIX_LENGTH),
        new HBaseTableSpec(
            NAMESPACE, CUSTOMER_DAY_TABLE, List.of(FAMILY), saltSplits, DEFAULT_BLOCK_SIZE, 0),
        new HBaseTableSpec(
            NAMESPACE, DAY_BUCKET_TABLE, List.of(FAMILY), List.of(), DEFAULT_BLOCK_SIZE, 0));
  }

  /**
   * One region per salt value: split at each salt byte 1..SALT_BUCKETS-1. Within a salt, today's
   * rows sort first, so today's writes land on the first region of each salt: 16 writing regions.
   * HBase splits those head regions as they grow; pre-splitting inside a salt would only create
   * regions for days still to come.
   */
  static List<byte[]> saltSplitPoints() {
    List<byte[]> splits = new ArrayList<>(SALT_BUCKETS - 1);
    for (int salt = 1; salt < SALT_BUCKETS; salt++) {
      splits.add(new byte[] {(byte) salt});
    }
    return List.copyOf(splits);
  }
}
