package io.fundflow.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fundflow.common.dwd.Category;
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

/**
 * The exact bytes of a few flows and summaries, as the Jackson encoders wrote them into HBase before
 * 2026-12-03: a change to the serialized form must fail here, not only in the byte comparison with
 * the old encoders that the bench module runs ({@code JacksonEncodersAgreementTest}).
 */
class EncodedBytesTest {

  @Test
  void aFlowWithEveryField() {
    assertBytes(
        """
        {"initDate":20261119,"serialNo":700001,"occurTime":"2026-11-19T09:31:02.123",\
        "clientId":"100200300","fundAccount":"600100200300","branchNo":3101,"moneyType":"CNY",\
        "businessFlag":2041,"amount":"50000.00","postBalance":"181234.56","channel":"7",\
        "remark":"bank transfer in","category":"TRANSFER_IN","direction":"IN",\
        "signMismatch":false,"customerBranchNo":3101,"riskLevel":3,"keyClient":true,\
        "clientName":"张*","channelName":"手机银行"}""",
        FundFlowJson.encode(FundFlowJsonTest.flow("bank transfer in", 3)));
  }

  @Test
  void aFlowWithoutTheOptionalFields() {
    assertBytes(
        """
        {"initDate":20261119,"serialNo":700001,"occurTime":"2026-11-19T09:31:02.123",\
        "clientId":"100200300","fundAccount":"600100200300","branchNo":3101,"moneyType":"CNY",\
        "businessFlag":2041,"amount":"50000.00","postBalance":"181234.56","channel":"7",\
        "category":"TRANSFER_IN","direction":"IN","signMismatch":false,\
        "channelName":"手机银行"}""",
        FundFlowJson.encode(FundFlowJsonTest.flow(null, null)));
  }

  @Test
  void aFlowWithTextThatNeedsEscapingAndOddNumbers() {
    FundFlow base = FundFlowJsonTest.flow("x", 3);
    FundFlow f =
        new FundFlow(-1, Long.MIN_VALUE, LocalDateTime.of(2026, 1, 2, 3, 4), null,
            "/\u007f", Integer.MIN_VALUE, MoneyType.HKD, 0, new BigDecimal("-0.05"),
            new BigDecimal("1E+3"), "\t", "a\"b\\c\n\u0001\u001f😀\ud800", Category.OTHER,
            base.direction(), true, null, 0, false, "", "\u00e9\u2028");
    assertBytes(
        "{\"initDate\":-1,\"serialNo\":-9223372036854775808,\"occurTime\":\"2026-01-02T03:04\","
            + "\"clientId\":null,\"fundAccount\":\"/\u007f\",\"branchNo\":-2147483648,"
            + "\"moneyType\":\"HKD\",\"businessFlag\":0,\"amount\":\"-0.05\","
            + "\"postBalance\":\"1000\",\"channel\":\"\\t\","
            + "\"remark\":\"a\\\"b\\\\c\\n\\u0001\\u001F\\uD83D\\uDE00\\uD800\","
            + "\"category\":\"OTHER\",\"direction\":\"IN\",\"signMismatch\":true,\"riskLevel\":0,"
            + "\"keyClient\":false,\"clientName\":\"\",\"channelName\":\"\u00e9\u2028\"}",
        FundFlowJson.encode(f));
  }

  @Test
  void aSummaryWithCategoriesAndItsLastBalance() {
    EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
    byCategory.put(Category.FEE, new CategoryTotal(new BigDecimal("-12.35"), 2));
    byCategory.put(Category.TRANSFER_IN, new CategoryTotal(new BigDecimal("50000.00"), 1));
    CustomerDaySummary s =
        new CustomerDaySummary(
            new CustomerDayKey("100200300", 20261119, MoneyType.CNY),
            new BigDecimal("50000.00"),
            new BigDecimal("12.35"),
            new BigDecimal("49987.65"),
            3,
            byCategory,
            new BigDecimal("181222.21"),
            LocalDateTime.of(2026, 11, 19, 10, 0, 0, 120_000),
            700002L);
    byte[] bytes = CustomerDaySummaryJson.encode(s);
    assertBytes(
        """
        {"clientId":"100200300","initDate":20261119,"moneyType":"CNY","inflow":"50000.00",\
        "outflow":"12.35","net":"49987.65","count":3,"byCategory":{\
        "TRANSFER_IN":{"amount":"50000.00","count":1},"FEE":{"amount":"-12.35","count":2}},\
        "lastPostBalance":"181222.21","lastOccurTime":"2026-11-19T10:00:00.000120",\
        "lastSerialNo":700002}""",
        bytes);
    assertEquals(s, CustomerDaySummaryJson.decode(bytes));
  }

  @Test
  void anEmptySummary() {
    CustomerDaySummary s =
        new CustomerDaySummary(
            new CustomerDayKey("\"1\"", 20261119, MoneyType.USD),
            new BigDecimal("0.00"),
            new BigDecimal("0.00"),
            new BigDecimal("0.00"),
            0,
            Map.of(),
            null,
            null,
            null);
    byte[] bytes = CustomerDaySummaryJson.encode(s);
    assertBytes(
        """
        {"clientId":"\\"1\\"","initDate":20261119,"moneyType":"USD","inflow":"0.00",\
        "outflow":"0.00","net":"0.00","count":0,"byCategory":{}}""",
        bytes);
    assertEquals(s, CustomerDaySummaryJson.decode(bytes));
  }

  private static void assertBytes(String expected, byte[] actual) {
    assertEquals(expected, new String(actual, StandardCharsets.UTF_8));
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual);
  }
}
