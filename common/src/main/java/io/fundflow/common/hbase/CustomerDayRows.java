package io.fundflow.common.hbase;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import java.util.Map;

/** The writes that keep the customer-day summary table current, for the stream and the batch. */
public final class CustomerDayRows {

  /** The summary row's one cell: the summary in its JSON form ({@link CustomerDaySummaryJson}). */
  public static final String SUMMARY_CELL = "s";

  private CustomerDayRows() {}

  /** The summary rowkey of a customer-day. */
  public static byte[] rowKey(CustomerDayKey key) {
    return CustomerDayRowKey.encode(key.clientId(), key.initDate(), key.moneyType());
  }

  /** Writes the summary row at {@code version}. */
  public static RowMutation put(CustomerDaySummary s, long version) {
    return RowMutation.put(
        HBaseLayout.CUSTOMER_DAY_TABLE,
        rowKey(s.key()),
        version,
        Map.of(SUMMARY_CELL, CustomerDaySummaryJson.encode(s)));
  }

  /** Removes the summary row of a customer-day that no longer has entries. */
  public static RowMutation delete(CustomerDayKey key, long version) {
    return RowMutation.deleteRow(HBaseLayout.CUSTOMER_DAY_TABLE, rowKey(key), version);
  }
}
