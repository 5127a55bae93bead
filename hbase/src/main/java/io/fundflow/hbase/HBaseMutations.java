package io.fundflow.hbase;

import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;

/** Translates engine-neutral {@link RowMutation}s into HBase client mutations. */
public final class HBaseMutations {

  private static final byte[] FAMILY = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);

  private HBaseMutations() {}

  /** The HBase table a mutation goes to. */
  public static TableName tableOf(RowMutation m) {
    return tableName(m.table());
  }

  /** The HBase name of a fundflow table, in {@link HBaseLayout#NAMESPACE}. */
  public static TableName tableName(String table) {
    return TableName.valueOf(HBaseLayout.NAMESPACE, table);
  }

  /**
   * The HBase mutation for {@code m}. Every cell carries the mutation's version explicitly, so the
   * newest source version wins whatever order writes arrive in; a row delete removes every cell up
   * to that version, which also masks a late older put.
   */
  public static Mutation toHBase(RowMutation m) {
    return switch (m.kind()) {
      case PUT -> {
        Put put = new Put(m.row(), m.version());
        for (Map.Entry<String, byte[]> cell : m.cells().entrySet()) {
          put.addColumn(FAMILY, cell.getKey().getBytes(StandardCharsets.UTF_8), m.version(), cell.getValue());
        }
        yield put;
      }
      case DELETE_ROW -> new Delete(m.row(), m.version());
    };
  }
}
