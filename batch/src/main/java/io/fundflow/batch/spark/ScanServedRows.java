package io.fundflow.batch.spark;

import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.KeyRange;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scans the served rows under some row prefixes (one task per few prefixes, one HBase connection per
 * task): each a {@code salt | day bucket} prefix of one table, never a full scan. For the detail
 * table, only the rows of the corrected trading day are kept (INIT_DATE suffix, {@link
 * FundFlowRowKey#hasInitDate}).
 */
public final class ScanServedRows implements FlatMapFunction<Iterator<byte[]>, Row> {

  private final HBaseClientSettings hbase;
  private final String table;
  private final String qualifier;
  private final int initDateSuffix;

  /**
   * @param initDateSuffix keep only detail rows of this INIT_DATE; 0 to keep every row under the
   *     prefixes (summaries: the prefix is the trading day)
   */
  public ScanServedRows(
      HBaseClientSettings hbase, String table, String qualifier, int initDateSuffix) {
    this.hbase = hbase;
    this.table = table;
    this.qualifier = qualifier;
    this.initDateSuffix = initDateSuffix;
  }

  @Override
  public Iterator<Row> call(Iterator<byte[]> prefixes) throws Exception {
    byte[] family = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
    byte[] column = qualifier.getBytes(StandardCharsets.UTF_8);
    List<Row> out = new ArrayList<>();
    try (Connection connection = ConnectionFactory.createConnection(hbase.toConfiguration());
        Table t = connection.getTable(HBaseMutations.tableName(table))) {
      while (prefixes.hasNext()) {
        KeyRange range = KeyRange.prefix(prefixes.next());
        Scan scan =
            new Scan()
                .withStartRow(range.startInclusive())
                .withStopRow(range.stopExclusive())
                .addColumn(family, column)
                .setCaching(1000)
                .setCacheBlocks(false);
        try (ResultScanner scanner = t.getScanner(scan)) {
          for (Result r : scanner) {
            byte[] row = r.getRow();
            if (initDateSuffix == 0 || FundFlowRowKey.hasInitDate(row, initDateSuffix)) {
              out.add(RowFactory.create(row, r.getValue(family, column)));
            }
          }
        }
      }
    }
    return out.iterator();
  }
}
