package io.fundflow.common.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerDaySummaryJsonTest {

  private static final ObjectMapper TREE = new ObjectMapper();

  @Test
  void randomSummariesRoundTripAndReadAsTheTreeReaderReadThem() throws Exception {
    Random r = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      CustomerDaySummary s = random(r);
      byte[] bytes = CustomerDaySummaryJson.encode(s);
      CustomerDaySummary back = CustomerDaySummaryJson.decode(bytes);
      assertEquals(s, back);
      assertEquals(treeDecode(bytes), back);
      assertArrayEquals(bytes, CustomerDaySummaryJson.encode(back));
    }
  }

  @Test
  void fieldsInAnyOrderUnknownOnesAndExplicitNullsRead() throws Exception {
    CustomerDaySummary s = random(new Random(3));
    String json = new String(CustomerDaySummaryJson.encode(s), StandardCharsets.UTF_8);
    // a field of a later version first; explicit nulls, which the original text then repeats with
    // their values (the last one wins, as in a tree); the money type moved to the end
    String money = "\"moneyType\":\"" + s.key().moneyType() + "\",";
    String odd =
        "{\"later\":{\"x\":[1,2]},\"lastPostBalance\":null,\"lastOccurTime\":null,"
            + json.substring(1, json.length() - 1).replace(money, "")
            + ",\"" + money.substring(1, money.length() - 1) + "}";
    CustomerDaySummary back = CustomerDaySummaryJson.decode(odd.getBytes(StandardCharsets.UTF_8));
    assertEquals(treeDecode(odd.getBytes(StandardCharsets.UTF_8)), back);
    assertEquals(s, back);
  }

  @Test
  void notASummaryIsAnIllegalArgumentNamingTheProblem() {
    byte[] ok = CustomerDaySummaryJson.encode(random(new Random(5)));
    String text = new String(ok, StandardCharsets.UTF_8);
    for (String bad :
        new String[] {
          "", "[]", "{", "{}", text + "{}", text.replace("\"inflow\":\"", "\"inflow\":1,\"x\":\""),
          text.replace("\"moneyType\":\"", "\"moneyType\":\"X"),
          text.replace("\"count\":", "\"count\":\"1\",\"y\":")
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> CustomerDaySummaryJson.decode(bad.getBytes(StandardCharsets.UTF_8)),
              bad);
      assertTrue(e.getMessage().contains("customer-day JSON"), e.getMessage());
    }
  }

  private static CustomerDaySummary random(Random r) {
    EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      if (r.nextInt(3) == 0) {
        byCategory.put(c, new CategoryTotal(money(r), r.nextInt(1000)));
      }
    }
    boolean last = r.nextInt(5) != 0;
    return new CustomerDaySummary(
        new CustomerDayKey(
            r.nextBoolean() ? "C" + r.nextInt(1_000_000) : JsonBytesTest.nasty(r, 1 + r.nextInt(18)),
            19_900_101 + r.nextInt(1_000_000),
            MoneyType.values()[r.nextInt(MoneyType.values().length)]),
        money(r),
        money(r),
        money(r),
        r.nextInt(100_000),
        byCategory,
        last ? money(r) : null,
        last
            ? LocalDateTime.of(1 + r.nextInt(9999), 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(3) == 0 ? 0 : r.nextInt(60),
                r.nextBoolean() ? 0 : r.nextInt(1_000_000_000))
            : null,
        last ? r.nextLong() : null);
  }

  private static BigDecimal money(Random r) {
    return BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), 2);
  }

  /** The reader before 2026-12-05, through a Jackson tree: the oracle for the streaming one. */
  private static CustomerDaySummary treeDecode(byte[] json) throws Exception {
    JsonNode n = TREE.readTree(json);
    EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
    Iterator<Map.Entry<String, JsonNode>> it = n.get("byCategory").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      byCategory.put(
          Category.valueOf(e.getKey()),
          new CategoryTotal(
              new BigDecimal(e.getValue().get("amount").textValue()),
              e.getValue().get("count").longValue()));
    }
    boolean hasLast = n.hasNonNull("lastPostBalance");
    return new CustomerDaySummary(
        new CustomerDayKey(
            n.get("clientId").textValue(),
            n.get("initDate").intValue(),
            MoneyType.valueOf(n.get("moneyType").textValue())),
        new BigDecimal(n.get("inflow").textValue()),
        new BigDecimal(n.get("outflow").textValue()),
        new BigDecimal(n.get("net").textValue()),
        n.get("count").longValue(),
        byCategory,
        hasLast ? new BigDecimal(n.get("lastPostBalance").textValue()) : null,
        hasLast ? LocalDateTime.parse(n.get("lastOccurTime").textValue()) : null,
        hasLast ? n.get("lastSerialNo").longValue() : null);
  }
}
