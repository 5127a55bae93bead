package io.fundflow.common.dwd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {

  @ParameterizedTest(name = "flag {0} is {1}, expected {2}")
  @CsvSource({
    "2041, TRANSFER_IN, IN",
    "2042, TRANSFER_OUT, OUT",
    "4001, TRADE_BUY, OUT",
    "4002, TRADE_SELL, IN",
    "4101, DIVIDEND, IN",
    "4201, FEE, OUT",
    "4301, INTEREST, IN",
    "4401, FUND_BUY, OUT",
    "4402, FUND_REDEEM, IN"
  })
  void everyBusinessFlagOfTheSpecMapsToItsCategoryAndSign(
      int flag, Category category, Direction expected) {
    assertEquals(category, Category.ofBusinessFlag(flag));
    assertEquals(Optional.of(expected), category.expectedDirection());

    String agreeing = expected == Direction.IN ? "10.00" : "-10.00";
    String disagreeing = expected == Direction.IN ? "-10.00" : "10.00";
    Classification ok = Classification.of(flag, new BigDecimal(agreeing));
    assertEquals(new Classification(category, expected, false), ok);
    Classification bad = Classification.of(flag, new BigDecimal(disagreeing));
    assertEquals(category, bad.category());
    assertTrue(bad.signMismatch(), "a sign against the category is a finding");
    assertFalse(bad.unknownFlag());
  }

  @Test
  void directionComesFromTheSignAndZeroIsNone() {
    assertEquals(Direction.IN, Direction.of(new BigDecimal("0.01")));
    assertEquals(Direction.OUT, Direction.of(new BigDecimal("-0.01")));
    assertEquals(Direction.NONE, Direction.of(new BigDecimal("0.00")));
    assertEquals(Direction.NONE, Direction.of(BigDecimal.ZERO));
  }

  @Test
  void aZeroAmountHasNoSignToDisagreeWith() {
    Classification c = Classification.of(4201, new BigDecimal("0.00"));
    assertEquals(new Classification(Category.FEE, Direction.NONE, false), c);
  }

  @Test
  void anUnknownFlagIsKeptAsOtherWithNoExpectedSign() {
    assertEquals(Category.OTHER, Category.ofBusinessFlag(9999));
    assertEquals(Optional.empty(), Category.OTHER.expectedDirection());
    Classification in = Classification.of(9999, new BigDecimal("5.00"));
    Classification out = Classification.of(9999, new BigDecimal("-5.00"));
    assertEquals(new Classification(Category.OTHER, Direction.IN, false), in);
    assertEquals(new Classification(Category.OTHER, Direction.OUT, false), out);
    assertTrue(in.unknownFlag());
  }
}
