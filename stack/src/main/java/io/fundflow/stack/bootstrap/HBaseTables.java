package io.fundflow.stack.bootstrap;

import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.HBaseTableSpec;
import io.fundflow.stack.health.HBaseHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.NamespaceDescriptor;
import org.apache.hadoop.hbase.NamespaceNotFoundException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Creates the fundflow namespace and every serving table of {@link HBaseLayout#tables()} that is
 * missing, pre-split at its split points. An existing table keeps its regions and rows; its column
 * families get the settings below if they have others (a stack made by an older version).
 *
 * <p>Column-family settings, and why:
 *
 * <ul>
 *   <li>{@code DATA_BLOCK_ENCODING FAST_DIFF}: consecutive rowkeys share a long prefix (salt, customer,
 *       time bucket), which FAST_DIFF stores once per block; blocks in the cache stay encoded, so more
 *       rows fit in memory.
 *   <li>{@code COMPRESSION} from the setting {@code hbase.compression} (default GZ): GZ works with the
 *       pure-Java codecs of the Maven jars (no native Hadoop library here); SNAPPY or ZSTD are better on
 *       a cluster that has the native codecs.
 *   <li>{@code BLOCKSIZE} from {@link HBaseTableSpec#blockSizeBytes()}: 32 KB for the detail table,
 *       whose queries seek into many day buckets, HBase's 64 KB for the others.
 *   <li>{@code BLOOMFILTER ROW}: point reads by rowkey skip store files that cannot hold the row.
 *       The detail table's is {@code ROWPREFIX_FIXED_LENGTH} on (salt, day, CLIENT_ID) ({@link
 *       HBaseTableSpec#bloomPrefixLength()}): a page's scan of one customer's day skips the store
 *       files without a row of it.
 *   <li>{@code VERSIONS 1}: the cell timestamp is the source order, so the newest version wins
 *       whatever the arrival order; reads never need history.
 * </ul>
 */
public final class HBaseTables {

  /**
   * The column-family setting that holds a prefix bloom filter's length (hbase-server's {@code
   * BloomFilterUtil.PREFIX_LENGTH_KEY}, not in the shaded client).
   */
  public static final String BLOOM_PREFIX_LENGTH_KEY = "RowPrefixBloomFilter.prefix_length";

  private final Map<String, String> clientConfig;
  private final String compression;

  public HBaseTables(Map<String, String> clientConfig, String compression) {
    this.clientConfig = clientConfig;
    this.compression = compression;
  }

  /** Returns one line per change made (empty when everything was in place). */
  public List<String> apply() throws Exception {
    List<String> changes = new ArrayList<>();
    try (Connection connection =
            ConnectionFactory.createConnection(HBaseHealth.configuration(clientConfig, false));
        Admin admin = connection.getAdmin()) {
      for (HBaseTableSpec spec : HBaseLayout.tables()) {
        ensureNamespace(admin, spec.namespace(), changes);
        TableName name = TableName.valueOf(spec.namespace(), spec.table());
        TableDescriptor wanted = descriptor(spec, compression);
        if (!admin.tableExists(name)) {
          byte[][] splits = spec.splitPoints().toArray(new byte[0][]);
          if (splits.length == 0) {
            admin.createTable(wanted);
          } else {
            admin.createTable(wanted, splits);
          }
          changes.add(
              "created table " + spec.qualifiedName() + " (" + (splits.length + 1) + " regions)");
        } else {
          alterFamilies(admin, admin.getDescriptor(name), wanted, changes);
        }
      }
    }
    return changes;
  }

  /** The table as fundflow defines it. */
  static TableDescriptor descriptor(HBaseTableSpec spec, String compression) {
    TableDescriptorBuilder table =
        TableDescriptorBuilder.newBuilder(TableName.valueOf(spec.namespace(), spec.table()));
    for (String family : spec.families()) {
      table.setColumnFamily(
          family(family, compression, spec.blockSizeBytes(), spec.bloomPrefixLength()));
    }
    return table.build();
  }

  static ColumnFamilyDescriptor family(
      String family, String compression, int blockSizeBytes, int bloomPrefixLength) {
    ColumnFamilyDescriptorBuilder f =
        ColumnFamilyDescriptorBuilder.newBuilder(Bytes.toBytes(family))
            .setBlocksize(blockSizeBytes)
            .setDataBlockEncoding(DataBlockEncoding.FAST_DIFF)
            .setCompressionType(Compression.Algorithm.valueOf(compression))
            .setMaxVersions(1);
    if (bloomPrefixLength > 0) {
      f.setBloomFilterType(BloomType.ROWPREFIX_FIXED_LENGTH)
          .setConfiguration(BLOOM_PREFIX_LENGTH_KEY, Integer.toString(bloomPrefixLength));
    } else {
      f.setBloomFilterType(BloomType.ROW);
    }
    return f.build();
  }

  /**
   * Gives an existing table's families fundflow's settings (a stack made by an older version). The
   * store files already written keep theirs until compactions rewrite them.
   */
  private static void alterFamilies(
      Admin admin, TableDescriptor existing, TableDescriptor wanted, List<String> changes)
      throws Exception {
    for (ColumnFamilyDescriptor family : wanted.getColumnFamilies()) {
      ColumnFamilyDescriptor current = existing.getColumnFamily(family.getName());
      if (current == null) {
        admin.addColumnFamily(existing.getTableName(), family);
        changes.add(
            "added column family " + family.getNameAsString() + " to " + existing.getTableName());
      } else if (ColumnFamilyDescriptor.COMPARATOR.compare(current, family) != 0) {
        admin.modifyColumnFamily(existing.getTableName(), family);
        changes.add(
            "altered column family "
                + family.getNameAsString()
                + " of "
                + existing.getTableName()
                + " to "
                + family);
      }
    }
  }

  private static void ensureNamespace(Admin admin, String namespace, List<String> changes)
      throws Exception {
    try {
      admin.getNamespaceDescriptor(namespace);
    } catch (NamespaceNotFoundException missing) {
      admin.createNamespace(NamespaceDescriptor.create(namespace).build());
      changes.add("created namespace " + namespace);
    }
  }
}
