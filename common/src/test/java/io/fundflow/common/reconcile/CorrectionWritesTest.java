package io.fundflow.common.reconcile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CellVersion;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionWritesTest {

  private static final long V = CellVersion.correction(1_700_000_000_000L);

  @Test
  void missingAndDifferentFlowsArePutAtTheCorrectionVersion() {
    FundFlow expected = RowDiffTest.flow(1, "10.00", "20.00", null);
    FundFlow served = RowDiffTest.flow(1, "12.00", "20.00", null);
    byte[] key = FundFlowRows.rowKey(expected);
    assertEquals(
        FundFlowRows.put(expected, V),
        CorrectionWrites.flow(key, RowDiff.of(expected, null), V).orElseThrow());
    assertEquals(
        FundFlowRows.put(expected, V),
        CorrectionWrites.flow(key, RowDiff.of(expected, served), V).orElseThrow());
  }

  @Test
  void extraFlowIsDeletedAtItsServedKeyAndMatchedNeedsNothing() {
    FundFlow served = RowDiffTest.flow(1, "10.00", "20.00", null);
    byte[] key = FundFlowRows.rowKey(served);
    RowMutation m = CorrectionWrites.flow(key, RowDiff.of(null, served), V).orElseThrow();
    assertEquals(RowMutation.Kind.DELETE_ROW, m.kind());
    assertEquals(HBaseLayout.FUND_FLOW_TABLE, m.table());
    assertArrayEquals(key, m.row());
    assertEquals(V, m.version());
    assertTrue(CorrectionWrites.flow(key, RowDiff.of(served, served), V).isEmpty());
  }

  @Test
  void summariesArePutOrDeleted() {
    FundFlow f = RowDiffTest.flow(1, "10.00", "20.00", null);
    CustomerDaySummary s = CustomerDaySummaries.of(List.of(f)).values().iterator().next();
    byte[] key = CustomerDayRows.rowKey(CustomerDayKey.of(f));
    assertEquals(
        CustomerDayRows.put(s, V),
        CorrectionWrites.summary(key, RowDiff.of(s, null), V).orElseThrow());
    assertEquals(
        CustomerDayRows.delete(CustomerDayKey.of(f), V),
        CorrectionWrites.summary(key, RowDiff.of(null, s), V).orElseThrow());
    assertTrue(CorrectionWrites.summary(key, RowDiff.of(s, s), V).isEmpty());
  }

  @Test
  void countsAddUp() {
    DiffCounts c =
        DiffCounts.ZERO
            .plus(DiffKind.MATCHED)
            .plus(DiffKind.MISSING)
            .plus(DiffKind.EXTRA)
            .plus(DiffKind.DIFFERENT)
            .plus(DiffKind.DIFFERENT);
    assertEquals(new DiffCounts(1, 1, 1, 2), c);
    assertEquals(4, c.corrections());
    assertEquals(4, c.expected());
    assertEquals(4, c.served());
    assertEquals(new DiffCounts(2, 2, 2, 4), c.plus(c));
  }
}
