package io.fundflow.batch.spark;

import io.fundflow.common.hbase.HBaseLayout;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.spark.Partitioner;

/**
 * One Spark partition per rowkey salt: a detail or summary rowkey (whose first byte is the
 * customer's salt, {@code CustomerSalt}) goes to the partition of that salt, so the task of
 * partition {@code s} holds every expected row of salt {@code s} and scans exactly the served rows
 * of salt {@code s} (one HBase region of each table, which is pre-split by salt).
 */
public final class SaltPartitioner extends Partitioner {

  /** Rowkeys in HBase's order (unsigned bytes), for sorting expected rows like a scan returns them. */
  public static final Comparator<byte[]> ROW_KEY_ORDER = new RowKeyOrder();

  @Override
  public int numPartitions() {
    return HBaseLayout.SALT_BUCKETS;
  }

  @Override
  public int getPartition(Object rowKey) {
    return saltOf((byte[]) rowKey);
  }

  /** The salt of a detail or summary rowkey. */
  public static int saltOf(byte[] rowKey) {
    return rowKey[0] & 0xff;
  }

  @Override
  public boolean equals(Object o) {
    // Equal partitioners let Spark know two datasets are co-partitioned.
    return o instanceof SaltPartitioner;
  }

  @Override
  public int hashCode() {
    return SaltPartitioner.class.hashCode();
  }

  /** Unsigned lexicographic order; a class of its own because Spark ships the comparator to tasks. */
  private static final class RowKeyOrder implements Comparator<byte[]>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(byte[] a, byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
  }
}
