package io.fundflow.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlowFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStreamedItemIsTheTreeItemByteForByteMaskedRemarkAndNullsIncluded() throws Exception {
    for (FundFlow f :
        new FundFlow[] {
          flow("card 6222021234567890123 refund", "MOB", "Mobile \"app\" 手机"),
          flow(null, null, null)
        }) {
      StringWriter streamed = new StringWriter();
      try (JsonGenerator g = JSON.getFactory().createGenerator(streamed)) {
        FlowFormat.writeItem(g, f);
      }
      assertEquals(JSON.writeValueAsString(FlowFormat.item(f)), streamed.toString());
    }
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      FlowFormat.writeItem(g, flow("card 6222021234567890123 refund", "MOB", "x"));
    }
    assertEquals(
        "card 622202*********0123 refund".length(),
        JSON.readTree(w.toString()).get("remark").textValue().length());
    assertEquals(false, w.toString().contains("6222021234567890123"), w.toString());
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
