package io.fundflow.common.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowDiffTest {

  static FundFlow flow(long serial, String amount, String post, String remark) {
    FundJournalEntry e =
        new FundJournalEntry(
            20261119, serial, LocalDateTime.of(2026, 11, 19, 9, 30), "C00000001", "F1", 1001,
            MoneyType.CNY, 10001, new BigDecimal(amount), new BigDecimal(post), "M01", remark);
    return FundFlowBuilder.build(e, Optional.empty(), Optional.empty());
  }

  @Test
  void equalRowsMatch() {
    RowDiff<FundFlow> d = RowDiff.of(flow(1, "10.00", "20.00", null), flow(1, "10.00", "20.00", null));
    assertEquals(DiffKind.MATCHED, d.kind());
    assertTrue(d.fields().isEmpty());
    assertFalse(d.needsCorrection());
  }

  @Test
  void onlyExpectedIsMissingOnlyServedIsExtra() {
    FundFlow f = flow(1, "10.00", "20.00", null);
    RowDiff<FundFlow> missing = RowDiff.of(f, null);
    RowDiff<FundFlow> extra = RowDiff.of(null, f);
    assertEquals(DiffKind.MISSING, missing.kind());
    assertSame(f, missing.expected());
    assertEquals(DiffKind.EXTRA, extra.kind());
    assertSame(f, extra.served());
    assertTrue(missing.needsCorrection() && extra.needsCorrection());
    assertThrows(IllegalArgumentException.class, () -> RowDiff.of(null, null));
  }

  @Test
  void differentRowsNameEveryDifferingFieldInDeclarationOrder() {
    RowDiff<FundFlow> d =
        RowDiff.of(flow(1, "10.00", "20.00", "a"), flow(1, "11.00", "20.00", "b"));
    assertEquals(DiffKind.DIFFERENT, d.kind());
    assertEquals(List.of("occurBalance", "remark"), d.fields());
  }

  @Test
  void aDecimalOfAnotherScaleDiffers() {
    FundFlow expected = flow(1, "10.00", "20.00", null);
    FundFlow served = flow(1, "10.00", "20.00", null);
    served =
        new FundFlow(
            served.initDate(), served.serialNo(), served.occurTime(), served.clientId(),
            served.fundAccount(), served.branchNo(), served.moneyType(), served.businessFlag(),
            new BigDecimal("10.0"), served.postBalance(), served.channel(), served.remark(),
            served.category(), served.direction(), served.signMismatch(),
            served.customerBranchNo(), served.riskLevel(), served.keyClient(), served.clientName(),
            served.channelName());
    assertEquals(List.of("occurBalance"), RowDiff.of(expected, served).fields());
  }

  @Test
  void encodedEqualBytesMatchWithoutDecodingTheServedSide() {
    byte[] bytes = FundFlowJson.encode(flow(1, "10.00", "20.00", null));
    int[] decodes = {0};
    RowDiff<FundFlow> d =
        RowDiff.ofEncoded(
            bytes,
            bytes.clone(),
            b -> {
              decodes[0]++;
              return FundFlowJson.decode(b);
            });
    assertEquals(DiffKind.MATCHED, d.kind());
    assertEquals(1, decodes[0]);
  }

  @Test
  void encodedDifferentValuesNameTheFields() {
    RowDiff<FundFlow> d =
        RowDiff.ofEncoded(
            FundFlowJson.encode(flow(1, "10.00", "20.00", null)),
            FundFlowJson.encode(flow(1, "10.00", "25.00", null)),
            FundFlowJson::decode);
    assertEquals(DiffKind.DIFFERENT, d.kind());
    assertEquals(List.of("postBalance"), d.fields());
  }

  @Test
  void encodedUnreadableServedValueIsDifferentOrExtra() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    byte[] expected = FundFlowJson.encode(flow(1, "10.00", "20.00", null));
    RowDiff<FundFlow> different = RowDiff.ofEncoded(expected, garbage, FundFlowJson::decode);
    assertEquals(DiffKind.DIFFERENT, different.kind());
    assertEquals(List.of(RowDiff.UNREADABLE), different.fields());
    assertNull(different.served());
    RowDiff<FundFlow> extra = RowDiff.ofEncoded(null, garbage, FundFlowJson::decode);
    assertEquals(DiffKind.EXTRA, extra.kind());
    assertEquals(List.of(RowDiff.UNREADABLE), extra.fields());
  }

  @Test
  void encodedSameRowOtherBytesIsAnEncodingDifference() {
    FundFlow f = flow(1, "10.00", "20.00", null);
    byte[] expected = FundFlowJson.encode(f);
    byte[] reformatted = (new String(expected, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    RowDiff<FundFlow> d = RowDiff.ofEncoded(expected, reformatted, FundFlowJson::decode);
    assertEquals(DiffKind.DIFFERENT, d.kind());
    assertEquals(List.of(RowDiff.ENCODING), d.fields());
  }

  @Test
  void summariesCompareFieldByField() {
    CustomerDaySummary one =
        CustomerDaySummaries.of(List.of(flow(1, "10.00", "20.00", null))).values().iterator().next();
    CustomerDaySummary two =
        CustomerDaySummaries.of(List.of(flow(1, "10.00", "20.00", null), flow(2, "5.00", "25.00", null)))
            .values()
            .iterator()
            .next();
    RowDiff<CustomerDaySummary> d =
        RowDiff.ofEncoded(
            CustomerDaySummaryJson.encode(two),
            CustomerDaySummaryJson.encode(one),
            CustomerDaySummaryJson::decode);
    assertEquals(DiffKind.DIFFERENT, d.kind());
    assertEquals(
        List.of("inflow", "net", "entryCount", "byCategory", "lastPostBalance", "lastSerialNo"),
        d.fields());
  }
}
