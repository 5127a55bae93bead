package io.fundflow.common.reconcile;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import java.util.Optional;

/**
 * The write that makes a served row what the authoritative data says: put the expected row when it
 * is missing or different, delete the served row when it is extra, nothing when it matches. Always
 * at the correction run's version ({@code CellVersion.correction}), so no stream write can undo it.
 */
public final class CorrectionWrites {

  private CorrectionWrites() {}

  /** The write of a fund-flow detail row served under {@code rowKey}. */
  public static Optional<RowMutation> flow(byte[] rowKey, RowDiff<FundFlow> diff, long version) {
    return switch (diff.kind()) {
      case MATCHED -> Optional.empty();
      case MISSING, DIFFERENT -> Optional.of(FundFlowRows.put(diff.expected(), version));
      case EXTRA ->
          Optional.of(RowMutation.deleteRow(HBaseLayout.FUND_FLOW_TABLE, rowKey, version));
    };
  }

  /** The write of a customer-day summary row served under {@code rowKey}. */
  public static Optional<RowMutation> summary(
      byte[] rowKey, RowDiff<CustomerDaySummary> diff, long version) {
    return switch (diff.kind()) {
      case MATCHED -> Optional.empty();
      case MISSING, DIFFERENT -> Optional.of(CustomerDayRows.put(diff.expected(), version));
      case EXTRA ->
          Optional.of(RowMutation.deleteRow(HBaseLayout.CUSTOMER_DAY_TABLE, rowKey, version));
    };
  }
}
