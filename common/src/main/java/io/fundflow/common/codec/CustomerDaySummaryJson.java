package io.fundflow.common.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The one serialized form of a customer-day summary: the value on {@code dws.customer_day} and the
 * summary cell in HBase. Fixed field order, categories in enum order, amounts as exact decimal
 * strings: equal summaries give equal bytes.
 */
public final class CustomerDaySummaryJson {

  private static final ObjectMapper READER = new ObjectMapper();

  private static final byte[] CLIENT_ID = JsonBytes.name("clientId");
  private static final byte[] INIT_DATE = JsonBytes.name("initDate");
  private static final byte[] MONEY_TYPE = JsonBytes.name("moneyType");
  private static final byte[] INFLOW = JsonBytes.name("inflow");
  private static final byte[] OUTFLOW = JsonBytes.name("outflow");
  private static final byte[] NET = JsonBytes.name("net");
  private static final byte[] COUNT = JsonBytes.name("count");
  private static final byte[] BY_CATEGORY = JsonBytes.name("byCategory");
  private static final byte[] AMOUNT = JsonBytes.name("amount");
  private static final byte[] LAST_POST_BALANCE = JsonBytes.name("lastPostBalance");
  private static final byte[] LAST_OCCUR_TIME = JsonBytes.name("lastOccurTime");
  private static final byte[] LAST_SERIAL_NO = JsonBytes.name("lastSerialNo");
  private static final byte[][] MONEY_TYPES = JsonBytes.enumNames(MoneyType.values());
  private static final Category[] CATEGORIES = Category.values();
  private static final byte[][] CATEGORY_NAMES = new byte[CATEGORIES.length][];

  static {
    for (Category c : CATEGORIES) {
      CATEGORY_NAMES[c.ordinal()] = JsonBytes.name(c.name());
    }
  }

  private CustomerDaySummaryJson() {}

  /**
   * The summary as UTF-8 JSON bytes: fields in the order below, {@code byCategory} in enum order
   * with absent categories omitted, amounts as {@code toPlainString()} strings, the three {@code
   * last…} fields only when {@code lastPostBalance} is there.
   *
   * <p>Written by hand ({@link JsonBytes}), byte for byte as the Jackson generator that wrote the
   * cells already in HBase did; the bench module keeps that generator code as the oracle and
   * baseline ({@code JacksonEncoders}).
   */
  public static byte[] encode(CustomerDaySummary s) {
    JsonBytes w = JsonBytes.forThread();
    w.beginObject();
    w.name(CLIENT_ID);
    w.value(s.key().clientId());
    w.name(INIT_DATE);
    w.value(s.key().initDate());
    w.name(MONEY_TYPE);
    w.encoded(MONEY_TYPES[s.key().moneyType().ordinal()]);
    w.name(INFLOW);
    w.plainString(s.inflow());
    w.name(OUTFLOW);
    w.plainString(s.outflow());
    w.name(NET);
    w.plainString(s.net());
    w.name(COUNT);
    w.value(s.entryCount());
    w.name(BY_CATEGORY);
    w.beginObject();
    Map<Category, CategoryTotal> byCategory = s.byCategory();
    for (Category c : CATEGORIES) {
      CategoryTotal t = byCategory.get(c);
      if (t != null) {
        w.name(CATEGORY_NAMES[c.ordinal()]);
        w.beginObject();
        w.name(AMOUNT);
        w.plainString(t.sum());
        w.name(COUNT);
        w.value(t.count());
        w.endObject();
      }
    }
    w.endObject();
    if (s.lastPostBalance() != null) {
      w.name(LAST_POST_BALANCE);
      w.plainString(s.lastPostBalance());
      w.name(LAST_OCCUR_TIME);
      w.value(s.lastOccurTime());
      w.name(LAST_SERIAL_NO);
      w.value(s.lastSerialNo());
    }
    w.endObject();
    return w.toByteArray();
  }

  /**
   * Reads bytes written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the bytes are not a summary
   */
  public static CustomerDaySummary decode(byte[] json) {
    JsonNode n;
    try {
      n = READER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a customer-day JSON: " + e.getMessage(), e);
    }
    try {
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
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete customer-day JSON: " + e.getMessage(), e);
    }
  }
}
