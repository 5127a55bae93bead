package io.fundflow.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.codec.FundFlowJsonView;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.PersonalDataMasks;
import io.fundflow.common.model.MoneyType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlowFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theItemHasTheApiFieldsInOrderMaskedRemarkAndNullsIncluded() throws Exception {
    assertEquals(
        "{\"initDate\":20250314,\"serialNo\":42,\"occurTime\":\"2025-03-14T09:30:01.005\","
            + "\"fundAccount\":\"F1\",\"branchNo\":1001,\"moneyType\":\"CNY\",\"businessFlag\":2041,"
            + "\"category\":\"" + Category.ofBusinessFlag(2041).name() + "\",\"direction\":\"IN\","
            + "\"amount\":\"1234.50\",\"postBalance\":\"99.00\",\"channel\":\"MOB\","
            + "\"channelName\":\"Mobile \\\"app\\\" 手机\",\"remark\":\"card ******************* refund\"}",
        written(flow("card 6222021234567890123 refund", "MOB", "Mobile \"app\" 手机")));
    String nulls = written(flow(null, null, null));
    assertEquals(true, nulls.endsWith("\"channel\":null,\"channelName\":null,\"remark\":null}"), nulls);
  }

  private static String written(FundFlow f) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      FlowFormat.writeItem(g, FundFlowJsonView.read(FundFlowJson.encode(f)));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The item as the API wrote it from a decoded flow before items were written from the cell. */
  private static String oracle(FundFlow f) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("initDate", f.initDate());
      g.writeNumberField("serialNo", f.serialNo());
      g.writeStringField("occurTime", f.occurTime().format(FlowFormat.TIME));
      g.writeStringField("fundAccount", f.fundAccount());
      g.writeNumberField("branchNo", f.branchNo());
      g.writeStringField("moneyType", f.moneyType().name());
      g.writeNumberField("businessFlag", f.businessFlag());
      g.writeStringField("category", f.category().name());
      g.writeStringField("direction", f.direction().name());
      g.writeStringField("amount", f.occurBalance().setScale(2).toPlainString());
      g.writeStringField("postBalance", f.postBalance().setScale(2).toPlainString());
      g.writeStringField("channel", f.channel());
      g.writeStringField("channelName", f.channelName());
      g.writeStringField("remark", PersonalDataMasks.remark(f.remark()));
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void itemsWrittenFromTheCellAreByteForByteThoseOfTheDecodedFlow() throws Exception {
    Random r = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      FundFlow f = randomFlow(r);
      assertEquals(oracle(f), written(f), f.toString());
    }
  }

  @Test
  void aCellInAnotherLayoutIsServedTheSame() throws Exception {
    FundFlow f = flow("card 6222021234567890123 refund", "MOB", "Mobile");
    String reordered =
        new String(FundFlowJson.encode(f), StandardCharsets.UTF_8)
            .replace("{\"initDate\":20250314,", "{\"later\":1,")
            .replace("}", ",\"initDate\":20250314}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      FlowFormat.writeItem(g, FundFlowJsonView.read(reordered.getBytes(StandardCharsets.UTF_8)));
    }
    assertEquals(oracle(f), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void amountsFromTheirTextAreBigDecimalsScaleTwoOrLeftToIt() {
    List<String> texts =
        new ArrayList<>(
            List.of("0", "0.0", "0.00", "0.000", "5", "5.1", "5.10", "5.100", "-5.1", "-0.01",
                "-0.5", "123456789012345678901234567890.12", "1000", "-1000.00"));
    Random r = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      texts.add(BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), r.nextInt(5)).toPlainString());
    }
    for (String t : texts) {
      String expected;
      try {
        expected = FlowFormat.money(new BigDecimal(t));
      } catch (ArithmeticException e) {
        expected = null; // a third place that is not zero: BigDecimal refuses to cut it
      }
      char[] fast = FlowFormat.money(bytes(t), 0, t.length());
      if (expected == null) {
        assertNull(fast, t);
      } else {
        assertEquals(expected, new String(fast), t);
      }
    }
    // Texts only BigDecimal can answer for: left to it, never answered differently.
    for (String t : List.of("-0", "-0.000", "007.5", "+5", ".5", "5.", "1E+3", "5.1x", "", "-")) {
      assertNull(FlowFormat.money(bytes(t), 0, t.length()), t);
    }
    byte[] padded = bytes("xx12.5yy");
    assertEquals("12.50", new String(FlowFormat.money(padded, 2, 6)));
  }

  @Test
  void timesFromTheirTextAreTheFormattersOrLeftToIt() {
    Random r = new Random(9);
    for (int i = 0; i < 20_000; i++) {
      LocalDateTime t = randomTime(r);
      String text = t.toString();
      char[] served = FlowFormat.time(bytes(text), 0, text.length());
      assertEquals(t.format(FlowFormat.TIME), new String(served), text);
    }
    for (String t :
        List.of("+10000-01-01T00:00", "-0001-01-01T00:00", "2025-03-14", "2025-03-14T09:3a",
            "2025-03-14T09:30:00.1", "2025-03-14 09:30")) {
      assertNull(FlowFormat.time(bytes(t), 0, t.length()), t);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static LocalDateTime randomTime(Random r) {
    return LocalDateTime.of(
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
        });
  }

  private static final String[] TEXTS = {
    "MOB", "手机银行", "a\"quote", "back\\slash", "new\nline", "\u0001ctl", "emoji \uD83D\uDE00",
    "lone \uD800", "card 6222021234567890123 refund", "tel 138 0013 8000", "全角１２３４５６７",
    "/slash", ""
  };

  private static FundFlow randomFlow(Random r) {
    boolean customer = r.nextBoolean();
    return new FundFlow(
        20_000_101 + r.nextInt(1_000_000),
        r.nextInt(10) == 0 ? r.nextLong() : r.nextInt(10_000_000),
        randomTime(r),
        "C" + r.nextInt(100_000),
        r.nextBoolean() ? "F" + r.nextInt(1_000_000) : TEXTS[r.nextInt(TEXTS.length)],
        r.nextInt(10_000),
        MoneyType.values()[r.nextInt(MoneyType.values().length)],
        r.nextInt(10_000),
        BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), 2),
        BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), r.nextInt(3)),
        r.nextInt(4) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)],
        r.nextInt(4) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)],
        Category.values()[r.nextInt(Category.values().length)],
        Direction.values()[r.nextInt(Direction.values().length)],
        r.nextBoolean(),
        customer ? Integer.valueOf(r.nextInt(10_000)) : null,
        customer ? Integer.valueOf(r.nextInt(6)) : null,
        customer ? Boolean.TRUE : null,
        customer ? "张*" : null,
        r.nextInt(4) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)]);
  }

  @Test
  void servedTimesAreTheFormattersFixedWidthOnes() {
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 10_000; i++) {
      LocalDateTime t =
          LocalDateTime.of(
              r.nextInt(0, 10_000),
              r.nextInt(1, 13),
              r.nextInt(1, 29),
              r.nextInt(24),
              r.nextInt(60),
              r.nextInt(60),
              r.nextInt(1_000_000_000));
      assertEquals(t.format(FlowFormat.TIME), FlowFormat.time(t), t.toString());
    }
    for (LocalDateTime t :
        new LocalDateTime[] {
          LocalDateTime.of(2025, 3, 14, 0, 0),
          LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
          LocalDateTime.of(10_000, 1, 1, 0, 0),
          LocalDateTime.of(-1, 1, 1, 0, 0)
        }) {
      assertEquals(t.format(FlowFormat.TIME), FlowFormat.time(t), t.toString());
    }
  }

  private static FundFlow flow(String remark, String channel, String channelName) {
    return new FundFlow(
        20250314,
        42L,
        LocalDateTime.of(2025, 3, 14, 9, 30, 1, 5_000_000),
        "C1",
        "F1",
        1001,
        MoneyType.CNY,
        2041,
        new BigDecimal("1234.5"),
        new BigDecimal("99.00"),
        channel,
        remark,
        Category.ofBusinessFlag(2041),
        Direction.IN,
        false,
        1001,
        3,
        Boolean.FALSE,
        "张*",
        channelName);
  }
}
