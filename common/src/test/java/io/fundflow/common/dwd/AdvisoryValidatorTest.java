package io.fundflow.common.dwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.model.ContractStatus;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.OrderStatus;
import io.fundflow.common.model.OrderType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdvisoryValidatorTest {

  private static final LocalDateTime APPLIED = LocalDateTime.of(2026, 11, 18, 10, 0);

  private static AdvisoryOrder order(String amount, int tradeDate) {
    return new AdvisoryOrder(
        "O1", "K1", "100200300", "P001", OrderType.ADD, new BigDecimal(amount), APPLIED, tradeDate,
        OrderStatus.ACCEPTED);
  }

  private static AdvisoryContract contract(
      ContractStatus status, LocalDateTime signed, LocalDateTime terminated) {
    return new AdvisoryContract("K1", "100200300", "P001", 3101, APPLIED, signed, terminated, status);
  }

  @Test
  void aPositiveExactOrderIsValid() {
    assertTrue(AdvisoryValidator.validate(order("1000.00", 20261119)).isValid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.00", "-5.00"})
  void aNonPositiveAmountIsRejected(String amount) {
    ValidationResult r = AdvisoryValidator.validate(order(amount, 20261119));
    assertEquals(ViolationCode.NON_POSITIVE_AMOUNT, r.primaryCode());
    assertTrue(r.describe().contains("AMOUNT"), r.describe());
  }

  @Test
  void subCentDigitsAndImpossibleDatesAreRejected() {
    assertEquals(ViolationCode.AMOUNT_SCALE, AdvisoryValidator.validate(order("1.005", 20261119)).primaryCode());
    assertEquals(ViolationCode.BAD_TRADE_DATE, AdvisoryValidator.validate(order("1.00", 20261131)).primaryCode());
  }

  @Test
  void aContractsStatusMustAgreeWithItsTimes() {
    assertTrue(AdvisoryValidator.validate(contract(ContractStatus.APPLIED, null, null)).isValid());
    assertTrue(AdvisoryValidator.validate(contract(ContractStatus.SIGNED, APPLIED.plusHours(1), null)).isValid());
    assertTrue(
        AdvisoryValidator.validate(
                contract(ContractStatus.TERMINATED, APPLIED.plusHours(1), APPLIED.plusDays(3)))
            .isValid());
    assertEquals(
        ViolationCode.INCONSISTENT_CONTRACT,
        AdvisoryValidator.validate(contract(ContractStatus.SIGNED, null, null)).primaryCode());
    assertEquals(
        ViolationCode.INCONSISTENT_CONTRACT,
        AdvisoryValidator.validate(contract(ContractStatus.SIGNED, APPLIED.minusDays(1), null)).primaryCode());
    assertEquals(
        ViolationCode.INCONSISTENT_CONTRACT,
        AdvisoryValidator.validate(contract(ContractStatus.TERMINATED, APPLIED.plusHours(1), null))
            .primaryCode());
  }

  @Test
  void dwdRulesDispatchByRowAndLetDimensionsThrough() {
    assertEquals(ViolationCode.NON_POSITIVE_AMOUNT, DwdRules.validate(order("0.00", 20261119)).primaryCode());
    Customer c = new Customer("1", "n", "0", "x", "m", 1, 20190101, "0", 3, false);
    assertTrue(DwdRules.validate(c).isValid());
    assertTrue(DwdRules.validate(null).isValid(), "a delete leaves no row to check");
  }
}
