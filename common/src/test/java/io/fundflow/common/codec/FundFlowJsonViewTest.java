package io.fundflow.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.codec.FundFlowJsonView.Field;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FundFlowJsonViewTest {

  /** Each string field and how to get it from a flow. */
  private static final Map<Field, Function<FundFlow, String>> TEXTS =
      Map.of(
          Field.CLIENT_ID, FundFlow::clientId,
          Field.FUND_ACCOUNT, FundFlow::fundAccount,
          Field.CHANNEL, FundFlow::channel,
          Field.REMARK, FundFlow::remark,
          Field.CLIENT_NAME, FundFlow::clientName,
          Field.CHANNEL_NAME, FundFlow::channelName);

  @Test
  void encodesBytesAreReadInPlaceFieldForField() {
    Random r = new Random(31);
    for (int i = 0; i < 20_000; i++) {
      FundFlow f = randomFlow(r);
      byte[] json = FundFlowJson.encode(f);
      FundFlowJsonView v = FundFlowJsonView.of(json).orElseThrow(() -> new AssertionError(f));
      assertSameFields(f, v);
      assertEquals(f, v.flow());
      assertEquals(FundFlowJson.decodeAnyLayout(json), FundFlowJson.decode(json));
    }
  }

  @Test
  void aStringsSliceIsItsStoredEscapedFormAndTextUnescapesIt() {
    FundFlow f = withRemark(FundFlowJsonTest.flow(null, 3), "a\"b\\c\n\u0001/张\uD83D\uDE00");
    FundFlowJsonView v = FundFlowJsonView.of(FundFlowJson.encode(f)).orElseThrow();
    String slice =
        new String(
            v.bytes(),
            v.start(Field.REMARK),
            v.end(Field.REMARK) - v.start(Field.REMARK),
            StandardCharsets.UTF_8);
    assertEquals("a\\\"b\\\\c\\n\\u0001/张\\uD83D\\uDE00", slice);
    assertTrue(v.escaped(Field.REMARK));
    assertFalse(v.escaped(Field.FUND_ACCOUNT));
    assertEquals(f.remark(), v.text(Field.REMARK));
  }

  @Test
  void otherLayoutsAreNotReadInPlaceButReadDecodesThem() {
    String canonical =
        new String(FundFlowJson.encode(FundFlowJsonTest.flow("r", 3)), StandardCharsets.UTF_8);
    String[] others = {
      canonical.replace(",\"serialNo\"", ", \"serialNo\""), // whitespace
      canonical + "\n",
      canonical.replace("{", "{\"later\":[1,{\"x\":2}],"), // an unknown field
      canonical.replace("\"remark\":\"r\"", "\"remark\":null"), // null instead of omitted
      "{\"serialNo\":700001," + canonical.substring(1).replace(",\"serialNo\":700001", ""),
    };
    for (String other : others) {
      byte[] json = other.getBytes(StandardCharsets.UTF_8);
      assertTrue(FundFlowJsonView.of(json).isEmpty(), other);
      FundFlow decoded = FundFlowJson.decode(json);
      FundFlowJsonView v = FundFlowJsonView.read(json);
      assertSameFields(decoded, v);
      assertEquals(decoded, v.flow());
    }
    // An omitted optional field is encode's own layout.
    byte[] noRemark =
        canonical.replace("\"remark\":\"r\",", "").getBytes(StandardCharsets.UTF_8);
    assertSameFields(
        FundFlowJsonTest.flow(null, 3), FundFlowJsonView.of(noRemark).orElseThrow());
  }

  @Test
  void bytesThatAreNotAFlowAreRefused() {
    String canonical =
        new String(FundFlowJson.encode(FundFlowJsonTest.flow("r", 3)), StandardCharsets.UTF_8);
    String[] broken = {
      "",
      "{}",
      "[]",
      canonical.substring(0, canonical.length() - 1),
      canonical.replace("\"CNY\"", "\"EUR\""),
      canonical.replace("\"TRANSFER_IN\"", "\"NOT_A_CATEGORY\""),
      canonical.replace(",\"fundAccount\":\"600100200300\"", ""),
      canonical.replace("\"initDate\":20261119", "\"initDate\":99999999999"),
      canonical.replace("\"initDate\":20261119", "\"initDate\":020261119"),
      canonical.replace("\"remark\":\"r\"", "\"remark\":\"r\\x\""),
      canonical.replace("\"remark\":\"r\"", "\"remark\":\"r\\u12G4\""),
      canonical.replace("\"remark\":\"r\"", "\"remark\":\"r\u0001\""),
      canonical.replace("\"signMismatch\":false", "\"signMismatch\":0"),
      canonical.replace("\"branchNo\":3101", "\"branchNo\":3101.0"),
    };
    for (String b : broken) {
      byte[] json = b.getBytes(StandardCharsets.UTF_8);
      assertTrue(FundFlowJsonView.of(json).isEmpty(), b);
      assertThrows(IllegalArgumentException.class, () -> FundFlowJsonView.read(json), b);
    }
  }

  @Test
  void theLongAndIntExtremesAreReadInPlace() {
    for (long serial : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1}) {
      FundFlow f = withSerial(FundFlowJsonTest.flow("r", 3), serial);
      FundFlowJsonView v = FundFlowJsonView.of(FundFlowJson.encode(f)).orElseThrow();
      assertEquals(serial, v.serialNo());
    }
    byte[] tooBig =
        new String(FundFlowJson.encode(FundFlowJsonTest.flow("r", 3)), StandardCharsets.UTF_8)
            .replace("\"serialNo\":700001", "\"serialNo\":9223372036854775808")
            .getBytes(StandardCharsets.UTF_8);
    assertTrue(FundFlowJsonView.of(tooBig).isEmpty());
  }

  private static void assertSameFields(FundFlow f, FundFlowJsonView v) {
    assertEquals(f.initDate(), v.initDate());
    assertEquals(f.serialNo(), v.serialNo());
    assertEquals(f.branchNo(), v.branchNo());
    assertEquals(f.businessFlag(), v.businessFlag());
    assertEquals(f.customerBranchNo(), v.customerBranchNo());
    assertEquals(f.moneyType(), v.moneyType());
    assertEquals(f.category(), v.category());
    assertEquals(f.direction(), v.direction());
    assertEquals(f.occurTime().toString(), v.text(Field.OCCUR_TIME));
    assertEquals(f.occurBalance().toPlainString(), v.text(Field.AMOUNT));
    assertEquals(f.postBalance().toPlainString(), v.text(Field.POST_BALANCE));
    TEXTS.forEach(
        (field, getter) -> {
          assertEquals(getter.apply(f), v.text(field), field.name());
          assertEquals(getter.apply(f) != null, v.has(field), field.name());
        });
    assertEquals(f.riskLevel() != null, v.has(Field.RISK_LEVEL));
    assertEquals(f.keyClient() != null, v.has(Field.KEY_CLIENT));
    if (!v.has(Field.CHANNEL)) {
      assertEquals(-1, v.start(Field.CHANNEL));
      assertNull(v.text(Field.CHANNEL));
    }
    // Numbers' slices are their digits as stored.
    assertArrayEquals(
        Long.toString(f.serialNo()).getBytes(StandardCharsets.US_ASCII),
        java.util.Arrays.copyOfRange(v.bytes(), v.start(Field.SERIAL_NO), v.end(Field.SERIAL_NO)));
  }

  private static FundFlow randomFlow(Random r) {
    boolean customer = r.nextBoolean();
    return new FundFlow(
        19_900_101 + r.nextInt(1_000_000),
        r.nextInt(10) == 0 ? r.nextLong() : r.nextInt(10_000_000),
        LocalDateTime.of(
            r.nextInt(10_000),
            1 + r.nextInt(12),
            1 + r.nextInt(28),
            r.nextInt(24),
            r.nextInt(60),
            r.nextInt(3) == 0 ? 0 : r.nextInt(60),
            switch (r.nextInt(4)) {
              case 0 -> 0;
              case 1 -> r.nextInt(1000) * 1_000_000;
              case 2 -> r.nextInt(1_000_000) * 1000;
              default -> r.nextInt(1_000_000_000);
            }),
        text(r, false),
        text(r, false),
        r.nextInt(10) == 0 ? r.nextInt() : r.nextInt(10_000),
        MoneyType.values()[r.nextInt(MoneyType.values().length)],
        r.nextInt(10_000),
        amount(r),
        amount(r),
        text(r, true),
        text(r, true),
        Category.values()[r.nextInt(Category.values().length)],
        Direction.values()[r.nextInt(Direction.values().length)],
        r.nextBoolean(),
        customer ? Integer.valueOf(r.nextInt(10_000)) : null,
        customer ? Integer.valueOf(r.nextInt(6)) : null,
        customer ? Boolean.valueOf(r.nextBoolean()) : null,
        customer ? text(r, false) : null,
        r.nextBoolean() ? text(r, true) : null);
  }

  private static String text(Random r, boolean nullable) {
    if (nullable && r.nextInt(4) == 0) {
      return null;
    }
    return r.nextBoolean() ? "F" + r.nextInt(1_000_000) : JsonBytesTest.nasty(r, r.nextInt(20));
  }

  private static BigDecimal amount(Random r) {
    return BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), r.nextInt(4));
  }

  private static FundFlow withRemark(FundFlow f, String remark) {
    return new FundFlow(
        f.initDate(), f.serialNo(), f.occurTime(), f.clientId(), f.fundAccount(), f.branchNo(),
        f.moneyType(), f.businessFlag(), f.occurBalance(), f.postBalance(), f.channel(), remark,
        f.category(), f.direction(), f.signMismatch(), f.customerBranchNo(), f.riskLevel(),
        f.keyClient(), f.clientName(), f.channelName());
  }

  private static FundFlow withSerial(FundFlow f, long serial) {
    return new FundFlow(
        f.initDate(), serial, f.occurTime(), f.clientId(), f.fundAccount(), f.branchNo(),
        f.moneyType(), f.businessFlag(), f.occurBalance(), f.postBalance(), f.channel(),
        f.remark(), f.category(), f.direction(), f.signMismatch(), f.customerBranchNo(),
        f.riskLevel(), f.keyClient(), f.clientName(), f.channelName());
  }
}
