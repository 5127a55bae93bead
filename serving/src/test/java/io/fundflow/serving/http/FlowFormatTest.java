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
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      FlowFormat.writeItem(g, f);
    }
    return w.toString();
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
