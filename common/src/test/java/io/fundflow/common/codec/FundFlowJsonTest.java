package io.fundflow.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FundFlowJsonTest {

  static FundFlow flow(String remark, Integer riskLevel) {
    return new FundFlow(
        20261119,
        700001L,
        LocalDateTime.of(2026, 11, 19, 9, 31, 2, 123_000_000),
        "100200300",
        "600100200300",
        3101,
        MoneyType.CNY,
        2041,
        new BigDecimal("50000.00"),
        new BigDecimal("181234.56"),
        "7",
        remark,
        Category.TRANSFER_IN,
        Direction.IN,
        false,
        riskLevel == null ? null : 3101,
        riskLevel,
        riskLevel == null ? null : Boolean.TRUE,
        riskLevel == null ? null : "张*",
        "手机银行");
  }

  @Test
  void roundTripKeepsEveryFieldAndExactAmounts() {
    FundFlow f = flow("bank transfer in", 3);
    FundFlow back = FundFlowJson.decode(FundFlowJson.encode(f));
    assertEquals(f, back);
    assertEquals("50000.00", back.occurBalance().toPlainString());
  }

  @Test
  void absentDimensionsAndNullTextRoundTripAsNull() {
    FundFlow f = flow(null, null);
    assertEquals(f, FundFlowJson.decode(FundFlowJson.encode(f)));
  }

  @Test
  void equalFlowsGiveEqualBytes() {
    assertArrayEquals(FundFlowJson.encode(flow("x", 3)), FundFlowJson.encode(flow("x", 3)));
  }

  @Test
  void amountsAreWrittenAsDecimalStringsNeverAsFloatingPoint() {
    String json = new String(FundFlowJson.encode(flow("x", 3)), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"amount\":\"50000.00\""), json);
    assertTrue(json.contains("\"postBalance\":\"181234.56\""), json);
  }

  @Test
  void garbageIsAnIllegalArgumentNamingTheProblem() {
    assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decode("{".getBytes()));
    assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decode("{}".getBytes()));
  }

  @Test
  void summaryRoundTripKeepsCategoriesAndLastBalance() {
    EnumMap<Category, CategoryTotal> byCat = new EnumMap<>(Category.class);
    byCat.put(Category.TRANSFER_IN, new CategoryTotal(new BigDecimal("50000.00"), 1));
    byCat.put(Category.FEE, new CategoryTotal(new BigDecimal("-12.35"), 2));
    CustomerDaySummary s =
        new CustomerDaySummary(
            new CustomerDayKey("100200300", 20261119, MoneyType.CNY),
            new BigDecimal("50000.00"),
            new BigDecimal("12.35"),
            new BigDecimal("49987.65"),
            3,
            byCat,
            new BigDecimal("181222.21"),
            LocalDateTime.of(2026, 11, 19, 10, 0),
            700002L);

    byte[] bytes = CustomerDaySummaryJson.encode(s);

    assertEquals(s, CustomerDaySummaryJson.decode(bytes));
    assertArrayEquals(bytes, CustomerDaySummaryJson.encode(CustomerDaySummaryJson.decode(bytes)));
  }

  @Test
  void emptySummaryHasNoLastBalance() {
    CustomerDaySummary s =
        new CustomerDaySummary(
            new CustomerDayKey("1", 20261119, MoneyType.USD),
            new BigDecimal("0.00"),
            new BigDecimal("0.00"),
            new BigDecimal("0.00"),
            0,
            Map.of(),
            null,
            null,
            null);
    assertEquals(s, CustomerDaySummaryJson.decode(CustomerDaySummaryJson.encode(s)));
  }
}
