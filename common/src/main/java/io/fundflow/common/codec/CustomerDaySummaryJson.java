package io.fundflow.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.MoneyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper READER = new ObjectMapper();

  private CustomerDaySummaryJson() {}

  /** The summary as UTF-8 JSON bytes. */
  public static byte[] encode(CustomerDaySummary s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("clientId", s.key().clientId());
      g.writeNumberField("initDate", s.key().initDate());
      g.writeStringField("moneyType", s.key().moneyType().name());
      g.writeStringField("inflow", s.inflow().toPlainString());
      g.writeStringField("outflow", s.outflow().toPlainString());
      g.writeStringField("net", s.net().toPlainString());
      g.writeNumberField("count", s.entryCount());
      g.writeObjectFieldStart("byCategory");
      for (Category c : Category.values()) {
        CategoryTotal t = s.byCategory().get(c);
        if (t != null) {
          g.writeObjectFieldStart(c.name());
          g.writeStringField("amount", t.sum().toPlainString());
          g.writeNumberField("count", t.count());
          g.writeEndObject();
        }
      }
      g.writeEndObject();
      if (s.lastPostBalance() != null) {
        g.writeStringField("lastPostBalance", s.lastPostBalance().toPlainString());
        g.writeStringField("lastOccurTime", s.lastOccurTime().toString());
        g.writeNumberField("lastSerialNo", s.lastSerialNo());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to memory", e);
    }
    return out.toByteArray();
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
