package io.fundflow.demo;

import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.hbase.HBaseMutations;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;

/** Counts what HBase serves for the demo's day: its occur-day detail rows and its summary rows. */
public final class ServedRows {

  private final Connection hbase;

  public ServedRows(Connection hbase) {
    this.hbase = hbase;
  }

  /** Detail rows in the day's time bucket (the 16 salted prefixes of that occur day). */
  public long detailRows(LocalDate day) throws IOException {
    return count(HBaseLayout.FUND_FLOW_TABLE, FundFlowRowKey.dayPrefixes(day));
  }

  /** Customer-day summary rows of the trading day (an emptied day's empty cell included). */
  public long summaryRows(int initDate) throws IOException {
    return count(HBaseLayout.CUSTOMER_DAY_TABLE, CustomerDayRowKey.dayPrefixes(initDate));
  }

  private long count(String table, List<byte[]> prefixes) throws IOException {
    long n = 0;
    try (Table t = hbase.getTable(HBaseMutations.tableName(table))) {
      for (byte[] prefix : prefixes) {
        Scan scan =
            new Scan().setStartStopRowForPrefixScan(prefix).setFilter(new FirstKeyOnlyFilter());
        scan.setCaching(1000);
        try (ResultScanner rows = t.getScanner(scan)) {
          for (Result ignored : rows) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
