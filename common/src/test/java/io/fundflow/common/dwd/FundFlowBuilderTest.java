package io.fundflow.common.dwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.ChannelType;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FundFlowBuilderTest {

  private static final Customer ZHANG =
      new Customer(
          "C00000001", "张伟", "0", "110101198001011234", "13812345678", 2002, 20150302, "0", 4,
          true);
  private static final Channel MOBILE = new Channel("M01", "手机证券", ChannelType.MOBILE);

  @Test
  void buildsACleanedClassifiedEnrichedFlow() {
    FundJournalEntry e =
        new FundJournalEntry(
            20261119, 700003L, LocalDateTime.of(2026, 11, 19, 10, 5), "C00000001", "F00000001",
            1001, MoneyType.CNY, 2042, new BigDecimal("-20000"), new BigDecimal("130000.5"), "M01",
            "转至卡6222021234567890123 尾号123");

    FundFlow f = FundFlowBuilder.build(e, Optional.of(ZHANG), Optional.of(MOBILE));

    assertEquals(
        new FundFlow(
            20261119, 700003L, LocalDateTime.of(2026, 11, 19, 10, 5), "C00000001", "F00000001",
            1001, MoneyType.CNY, 2042, new BigDecimal("-20000.00"), new BigDecimal("130000.50"),
            "M01", "转至卡******************* 尾号123", Category.TRANSFER_OUT, Direction.OUT, false,
            2002, 4, true, "张*", "手机证券"),
        f);
    assertEquals(new FlowKey(20261119, 700003L), f.key());
    assertEquals(2, f.occurBalance().scale());
  }

  @Test
  void absentDimensionsLeaveTheirColumnsNull() {
    FundFlow f = FundFlowBuilder.build(JournalEntries.valid(), Optional.empty(), Optional.empty());
    assertNull(f.customerBranchNo());
    assertNull(f.riskLevel());
    assertNull(f.keyClient());
    assertNull(f.clientName());
    assertNull(f.channelName());
    assertEquals("M01", f.channel(), "the code stays even when its name is unknown");
    assertEquals(Category.TRANSFER_IN, f.category());
  }

  @Test
  void aSignAgainstTheCategoryIsFlaggedNotFlipped() {
    FundFlow f =
        FundFlowBuilder.build(
            JournalEntries.withAmount(4201, "12.35"), Optional.empty(), Optional.empty());
    assertEquals(Category.FEE, f.category());
    assertEquals(Direction.IN, f.direction());
    assertTrue(f.signMismatch());
    assertEquals(new BigDecimal("12.35"), f.occurBalance());
  }

  @Test
  void zeroAndUnknownFlagsAreKept() {
    FundFlow zero =
        FundFlowBuilder.build(
            JournalEntries.withAmount(2041, "0"), Optional.empty(), Optional.empty());
    assertEquals(Direction.NONE, zero.direction());
    assertFalse(zero.signMismatch());
    assertEquals(new BigDecimal("0.00"), zero.occurBalance());

    FundFlow other =
        FundFlowBuilder.build(
            JournalEntries.withAmount(9001, "-3.00"), Optional.empty(), Optional.empty());
    assertEquals(Category.OTHER, other.category());
    assertEquals(9001, other.businessFlag());
    assertFalse(other.signMismatch());
  }

  @Test
  void refusesDimensionRowsOfAnotherKeyAndSubCentAmounts() {
    Customer someoneElse =
        new Customer("C9", "李四", "0", "1", "1", 1, 20200101, "0", 1, false);
    assertThrows(
        IllegalArgumentException.class,
        () -> FundFlowBuilder.build(JournalEntries.valid(), Optional.of(someoneElse), Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FundFlowBuilder.build(
                JournalEntries.valid(),
                Optional.empty(),
                Optional.of(new Channel("B01", "银行", ChannelType.BANK))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FundFlowBuilder.build(
                JournalEntries.withAmount(2041, "1.005"), Optional.empty(), Optional.empty()));
  }

  @Test
  void maskedCustomerHidesNameIdAndMobile() {
    MaskedCustomer m = MaskedCustomer.of(ZHANG);
    assertEquals(
        new MaskedCustomer(
            "C00000001", "张*", "0", "110101********1234", "138****5678", 2002, 20150302, "0", 4,
            true),
        m);
  }
}
