package io.fundflow.common.hbase;

import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * The writes that keep the fund-flow detail table and its day-bucket manifest current. The stream
 * and the batch both build their writes here, so the same flow always becomes the same row.
 */
public final class FundFlowRows {

  /** The detail row's one cell: the flow in its JSON form ({@link FundFlowJson}). */
  public static final String FLOW_CELL = "f";

  private static final byte[] EMPTY = new byte[0];

  private FundFlowRows() {}

  /** The detail rowkey of a flow. */
  public static byte[] rowKey(FundFlow f) {
    return FundFlowRowKey.encode(f.clientId(), f.occurTime(), f.serialNo(), f.initDate());
  }

  /** Writes the flow's detail row at {@code version}. */
  public static RowMutation put(FundFlow f, long version) {
    return put(f, version, FundFlowJson.encode(f));
  }

  /**
   * Writes the flow's detail row at {@code version}, its cell {@code json} as {@link
   * FundFlowJson#encode} gave it for {@code f}: for a caller that needs the JSON for another output
   * too (the stream's {@code dwd.fund_flow} message) and encodes it once.
   */
  public static RowMutation put(FundFlow f, long version, byte[] json) {
    return RowMutation.put(HBaseLayout.FUND_FLOW_TABLE, rowKey(f), version, Map.of(FLOW_CELL, json));
  }

  /** Removes the flow's detail row, every version up to {@code version}. */
  public static RowMutation delete(FundFlow f, long version) {
    return RowMutation.deleteRow(HBaseLayout.FUND_FLOW_TABLE, rowKey(f), version);
  }

  /** Records that the trading day {@code initDate} has rows in the bucket of {@code occurDay}. */
  public static RowMutation manifest(int initDate, LocalDate occurDay, long version) {
    return RowMutation.put(
        HBaseLayout.DAY_BUCKET_TABLE,
        DayBucketManifest.rowKey(initDate),
        version,
        Map.of(DayBucketManifest.qualifier(occurDay), EMPTY));
  }

  /** True when the flow's detail row moves, i.e. its rowkey differs from the previous version's. */
  public static boolean rowKeyChanged(FundFlow previous, FundFlow current) {
    return !Arrays.equals(rowKey(previous), rowKey(current));
  }
}
