package io.fundflow.realtime.bench;

import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;

/**
 * Counts one day's rows the way the nightly correction finds them (16 prefix scans, keys only), so
 * the bench can check that HBase holds exactly the rows the change log implies.
 */
final class HBaseDayRows {

  private final Connection connection;

  HBaseDayRows(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** Detail rows whose entries occurred on {@code day}. */
  long details(LocalDate day) throws IOException {
    return count(HBaseLayout.FUND_FLOW_TABLE, FundFlowRowKey.dayPrefixes(day));
  }

  /** The rowkeys of the detail rows whose entries occurred on {@code day}. */
  Set<ByteBuffer> detailKeys(LocalDate day) throws IOException {
    Set<ByteBuffer> keys = new HashSet<>();
    try (Table t = connection.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))) {
      for (byte[] prefix : FundFlowRowKey.dayPrefixes(day)) {
        try (ResultScanner scanner = t.getScanner(keysOnly(prefix))) {
          for (Result r = scanner.next(); r != null; r = scanner.next()) {
            keys.add(ByteBuffer.wrap(r.getRow()));
          }
        }
      }
    }
    return keys;
  }

  /** Customer-day summary rows of trading day {@code initDate}. */
  long summaries(int initDate) throws IOException {
    return count(HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRowKey.dayPrefixes(initDate));
  }

  /** Flushes the memstores of the tables the job writes, so each measured phase starts alike. */
  void flushTables() throws IOException {
    try (Admin admin = connection.getAdmin()) {
      admin.flush(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
      admin.flush(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE));
    }
  }

  private long count(String table, List<byte[]> prefixes) throws IOException {
    long rows = 0;
    try (Table t = connection.getTable(HBaseMutations.tableName(table))) {
      for (byte[] prefix : prefixes) {
        try (ResultScanner scanner = t.getScanner(keysOnly(prefix))) {
          for (Result r = scanner.next(); r != null; r = scanner.next()) {
            rows++;
          }
        }
      }
    }
    return rows;
  }

  private static Scan keysOnly(byte[] prefix) {
    return new Scan()
        .setStartStopRowForPrefixScan(prefix)
        .setCaching(10_000)
        .setFilter(new FilterList(new FirstKeyOnlyFilter(), new KeyOnlyFilter()));
  }
}
