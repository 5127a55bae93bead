package io.fundflow.common.hbase;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import java.util.Map;
import java.util.Optional;

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
    return put(s, version, CustomerDaySummaryJson.encode(s));
  }

  /**
   * Writes the summary row at {@code version}, its cell {@code json} as {@link
   * CustomerDaySummaryJson#encode} gave it for {@code s}: for a caller that needs the JSON for
   * another output too (the stream's {@code dws.customer_day} message) and encodes it once.
   */
  public static RowMutation put(CustomerDaySummary s, long version, byte[] json) {
    return RowMutation.put(
        HBaseLayout.CUSTOMER_DAY_TABLE, rowKey(s.key()), version, Map.of(SUMMARY_CELL, json));
  }

  /**
   * The stream's write for a customer-day that no longer has entries: an empty cell, not a delete.
   * A delete marker hides every put at or below its version, and the stream's summary versions are
   * a running maximum whose value depends on how its inputs interleaved: after a restart from a
   * checkpoint the replay can end at the very version of a removal written before the crash, and
   * the day's true summary would stay hidden behind it. A put never hides a later put of the same
   * version, so the stream only ever puts.
   */
  public static RowMutation empty(CustomerDayKey key, long version) {
    return RowMutation.put(
        HBaseLayout.CUSTOMER_DAY_TABLE, rowKey(key), version, Map.of(SUMMARY_CELL, new byte[0]));
  }

  /** Removes the summary row of a customer-day: for the correction, whose versions outrank all. */
  public static RowMutation delete(CustomerDayKey key, long version) {
    return RowMutation.deleteRow(HBaseLayout.CUSTOMER_DAY_TABLE, rowKey(key), version);
  }

  /**
   * The summary a served cell holds: none when the cell is absent (null) or {@link #empty empty}.
   */
  public static Optional<CustomerDaySummary> summary(byte[] cellValue) {
    return cellValue == null || cellValue.length == 0
        ? Optional.empty()
        : Optional.of(CustomerDaySummaryJson.decode(cellValue));
  }
}
