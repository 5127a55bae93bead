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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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
  void occurTimesOfEveryPrecisionRoundTrip() {
    FundFlow base = flow("x", 3);
    for (LocalDateTime t :
        List.of(
            LocalDateTime.of(2026, 11, 19, 9, 30), // toString drops the zero seconds: "09:30"
            LocalDateTime.of(2026, 11, 19, 9, 30, 5),
            LocalDateTime.of(2026, 11, 19, 9, 30, 5, 100_000_000),
            LocalDateTime.of(2026, 11, 19, 23, 59, 59, 999_999_999),
            LocalDateTime.of(2024, 2, 29, 0, 0, 0, 1_000))) {
      FundFlow f =
          new FundFlow(base.initDate(), base.serialNo(), t, base.clientId(), base.fundAccount(),
              base.branchNo(), base.moneyType(), base.businessFlag(), base.occurBalance(),
              base.postBalance(), base.channel(), base.remark(), base.category(), base.direction(),
              base.signMismatch(), base.customerBranchNo(), base.riskLevel(), base.keyClient(),
              base.clientName(), base.channelName());
      assertEquals(t, FundFlowJson.decode(FundFlowJson.encode(f)).occurTime(), t.toString());
    }
  }

  @Test
  void anImpossibleOccurTimeIsRejected() {
    String json =
        new String(FundFlowJson.encode(flow("x", 3)), StandardCharsets.UTF_8)
            .replace("2026-11-19T09:31:02.123", "2026-02-30T09:31:02.123");
    assertThrows(
        IllegalArgumentException.class,
        () -> FundFlowJson.decode(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void inPlaceAndParsedReadsAgreeOnOddButValidValues() {
    String json = new String(FundFlowJson.encode(flow("x", 3)), StandardCharsets.UTF_8);
    for (String amount :
        List.of("1E+3", "+1.00", "1.", ".5", "-0.00", "007.10", "123456789012345678.9",
            "-99999999999999999.99", "0", "\\u0031.25")) {
      byte[] odd = json.replace("\"amount\":\"50000.00\"", "\"amount\":\"" + amount + "\"")
          .getBytes(StandardCharsets.UTF_8);
      assertTrue(FundFlowJsonView.of(odd).isPresent(), amount);
      FundFlow parsed = FundFlowJson.decodeAnyLayout(odd);
      FundFlow inPlace = FundFlowJson.decode(odd);
      assertEquals(parsed, inPlace, amount);
      // equals on BigDecimal compares the scale too, and so does the record: say it outright
      assertEquals(parsed.occurBalance().scale(), inPlace.occurBalance().scale(), amount);
    }
  }

  @Test
  void inPlaceReadRefusesWhatTheParserRefuses() {
    byte[] json = FundFlowJson.encode(flow("x", 3));
    String text = new String(json, StandardCharsets.UTF_8);
    // a client id that is not valid UTF-8: the view would read U+FFFD, the parser refuses it
    byte[] badUtf8 = json.clone();
    int at = text.indexOf("100200300");
    badUtf8[at] = (byte) 0xff;
    for (byte[] bad :
        List.of(
            badUtf8,
            text.replace("\"50000.00\"", "\"5O000.00\"").getBytes(StandardCharsets.UTF_8),
            text.replace("2026-11-19T09:31:02.123", "2026-11-19T25:31:02.123")
                .getBytes(StandardCharsets.UTF_8))) {
      assertTrue(FundFlowJsonView.of(bad).isPresent());
      assertThrows(IllegalArgumentException.class, () -> FundFlowJsonView.of(bad).get().flow());
      assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decodeAnyLayout(bad));
      assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decode(bad));
    }
  }

  @Test
  void decodeTakesFieldsInAnyOrderAndIgnoresUnknownOnes() {
    FundFlow f = flow("bank transfer in", 3);
    String json = new String(FundFlowJson.encode(f), StandardCharsets.UTF_8);
    // the same fields, reversed, with a field and an object of a later version mixed in
    String body = json.substring(1, json.length() - 1);
    List<String> fields = new ArrayList<>(List.of(body.split(",(?=\")")));
    Collections.reverse(fields);
    fields.add(3, "\"laterField\":{\"nested\":[1,2,{\"x\":null}]}");
    String reordered = "{" + String.join(",", fields) + "}";

    assertEquals(f, FundFlowJson.decode(reordered.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void explicitNullsOfOptionalFieldsReadAsAbsent() {
    String json =
        new String(FundFlowJson.encode(flow(null, null)), StandardCharsets.UTF_8)
            .replace("}", ",\"remark\":null,\"riskLevel\":null}");
    assertEquals(flow(null, null), FundFlowJson.decode(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    String json =
        new String(FundFlowJson.encode(flow("x", 3)), StandardCharsets.UTF_8)
            .replace("\"amount\":\"50000.00\",", "");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FundFlowJson.decode(json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("missing amount"), e.getMessage());
  }

  @Test
  void aFieldOfTheWrongTypeIsNamed() {
    String amountAsNumber =
        new String(FundFlowJson.encode(flow("x", 3)), StandardCharsets.UTF_8)
            .replace("\"amount\":\"50000.00\"", "\"amount\":50000.00");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FundFlowJson.decode(amountAsNumber.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("amount"), e.getMessage());
    String requiredNull =
        new String(FundFlowJson.encode(flow("x", 3)), StandardCharsets.UTF_8)
            .replace("\"clientId\":\"100200300\"", "\"clientId\":null");
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> FundFlowJson.decode(requiredNull.getBytes(StandardCharsets.UTF_8)));
    assertTrue(missing.getMessage().contains("missing clientId"), missing.getMessage());
  }

  @Test
  void notAnObjectOrTrailingContentIsRejected() {
    byte[] ok = FundFlowJson.encode(flow("x", 3));
    assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decode("[]".getBytes()));
    assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decode(new byte[0]));
    byte[] twice = (new String(ok, StandardCharsets.UTF_8) + "{}").getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> FundFlowJson.decode(twice));
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
