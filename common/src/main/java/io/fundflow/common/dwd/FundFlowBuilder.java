package io.fundflow.common.dwd;

import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a journal entry into its DWD {@link FundFlow}: scrubs REMARK, classifies, and enriches from
 * the customer and channel the caller looked up (either may be absent). Pure: the same inputs give
 * the same flow, in the stream and in the batch.
 */
public final class FundFlowBuilder {

  private FundFlowBuilder() {}

  /**
   * Builds the flow of an entry that passed {@link FundJournalValidator}.
   *
   * @throws IllegalArgumentException when the entry's amounts have non-zero digits beyond the cent
   *     (it did not pass validation), or a dimension row is not the one the entry names
   */
  public static FundFlow build(
      FundJournalEntry entry, Optional<Customer> customer, Optional<Channel> channel) {
    Objects.requireNonNull(entry, "entry");
    customer.ifPresent(
        c -> requireSame("CLIENT_ID", entry.clientId(), c.clientId()));
    channel.ifPresent(
        c -> requireSame("CHANNEL", entry.channel(), c.channelCode()));
    BigDecimal amount = cents(entry.occurBalance());
    Classification cls = Classification.of(entry.businessFlag(), amount);
    return new FundFlow(
        entry.initDate(),
        entry.serialNo(),
        entry.occurTime(),
        entry.clientId(),
        entry.fundAccount(),
        entry.branchNo(),
        entry.moneyType(),
        entry.businessFlag(),
        amount,
        cents(entry.postBalance()),
        entry.channel(),
        PersonalDataMasks.remark(entry.remark()),
        cls.category(),
        cls.direction(),
        cls.signMismatch(),
        customer.map(Customer::branchNo).orElse(null),
        customer.map(Customer::riskLevel).orElse(null),
        customer.map(Customer::keyClient).orElse(null),
        customer.map(c -> PersonalDataMasks.clientName(c.clientName())).orElse(null),
        channel.map(Channel::channelName).orElse(null));
  }

  /** Scale 2 exactly; an amount with non-zero sub-cent digits is a caller's bug, not rounding. */
  static BigDecimal cents(BigDecimal amount) {
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount has more than 2 decimals: " + amount, e);
    }
  }

  private static void requireSame(String column, String expected, String actual) {
    if (!Objects.equals(expected, actual)) {
      throw new IllegalArgumentException(
          column + " of the dimension row (" + actual + ") is not the entry's (" + expected + ")");
    }
  }
}
