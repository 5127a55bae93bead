package io.fundflow.common.hbase;

import java.util.List;

/**
 * What a serving table in HBase looks like, independent of the HBase client: its name, its column
 * families, and the rowkeys it is pre-split at. Bootstrap creates tables from these.
 *
 * @param namespace HBase namespace
 * @param table table name within the namespace
 * @param families column family names
 * @param splitPoints region boundaries, ascending in unsigned byte order
 * @param blockSizeBytes HFile data block size of the families: the unit HBase reads, caches and
 *     decodes to find one row
 * @param bloomPrefixLength 0 for a bloom filter on whole rowkeys; n &gt; 0 for one on their first n
 *     bytes, which also lets a scan within one such prefix skip the store files without it
 */
public record HBaseTableSpec(
    String namespace,
    String table,
    List<String> families,
    List<byte[]> splitPoints,
    int blockSizeBytes,
    int bloomPrefixLength) {

  /** Checks the bloom prefix length. */
  public HBaseTableSpec {
    if (bloomPrefixLength < 0) {
      throw new IllegalArgumentException("bloom prefix length must be 0 or more");
    }
  }

  /** {@code namespace:table}, as the HBase client names it. */
  public String qualifiedName() {
    return namespace + ":" + table;
  }
}
