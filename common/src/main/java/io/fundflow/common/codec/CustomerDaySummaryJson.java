package io.fundflow.common.codec;

import static io.fundflow.common.codec.StreamedValues.expect;
import static io.fundflow.common.codec.StreamedValues.integer;
import static io.fundflow.common.codec.StreamedValues.longValue;
import static io.fundflow.common.codec.StreamedValues.required;
import static io.fundflow.common.codec.StreamedValues.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one serialized form of a customer-day summary: the value on {@code dws.customer_day} and the
 * summary cell in HBase. Fixed field order, categories in enum order, amounts as exact decimal
 * strings: equal summaries give equal bytes.
 */
public final class CustomerDaySummaryJson {

  private static final String WHAT = "customer-day JSON";

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
   * Reads bytes written by {@link #encode}: fields in any order, unknown ones ignored, an explicit
   * null as an absent field.
   *
   * <p>A streaming read, not a tree: the query API's summary reads one summary per day of its range
   * (a year's summary, a few hundred), and the correction one per served customer-day that differs.
   *
   * @throws IllegalArgumentException when the bytes are not a summary
   */
  public static CustomerDaySummary decode(byte[] json) {
    Fields f = new Fields();
    StreamedValues.readObject(json, WHAT, f::read);
    try {
      return f.summary();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete customer-day JSON: " + e.getMessage(), e);
    }
  }

  /** The fields of one summary as they are read; {@link #summary} checks the required ones. */
  private static final class Fields {
    private String clientId;
    private Integer initDate;
    private String moneyType;
    private String inflow;
    private String outflow;
    private String net;
    private Long count;
    private final EnumMap<Category, CategoryTotal> byCategory = new EnumMap<>(Category.class);
    private boolean hasByCategory;
    private String lastPostBalance;
    private String lastOccurTime;
    private Long lastSerialNo;

    void read(String name, JsonToken t, JsonParser p) throws IOException {
      switch (name) {
        case "clientId" -> clientId = string(WHAT, name, t, p);
        case "initDate" -> initDate = integer(WHAT, name, t, p);
        case "moneyType" -> moneyType = string(WHAT, name, t, p);
        case "inflow" -> inflow = string(WHAT, name, t, p);
        case "outflow" -> outflow = string(WHAT, name, t, p);
        case "net" -> net = string(WHAT, name, t, p);
        case "count" -> count = longValue(WHAT, name, t, p);
        case "byCategory" -> categories(t, p);
        case "lastPostBalance" -> lastPostBalance = string(WHAT, name, t, p);
        case "lastOccurTime" -> lastOccurTime = string(WHAT, name, t, p);
        case "lastSerialNo" -> lastSerialNo = longValue(WHAT, name, t, p);
        default -> p.skipChildren(); // a field of a later version: ignored
      }
    }

    /** {@code {"CATEGORY": {"amount": "…", "count": n}, …}}. */
    private void categories(JsonToken t, JsonParser p) throws IOException {
      expect(WHAT, "byCategory", t, JsonToken.START_OBJECT);
      hasByCategory = true;
      for (String category = p.nextFieldName(); category != null; category = p.nextFieldName()) {
        expect(WHAT, category, p.nextToken(), JsonToken.START_OBJECT);
        String amount = null;
        Long n = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          JsonToken v = p.nextToken();
          switch (name) {
            case "amount" -> amount = string(WHAT, name, v, p);
            case "count" -> n = longValue(WHAT, name, v, p);
            default -> p.skipChildren();
          }
        }
        byCategory.put(
            Category.valueOf(category),
            new CategoryTotal(
                new BigDecimal(required(category + ".amount", amount)),
                required(category + ".count", n)));
      }
    }

    CustomerDaySummary summary() {
      boolean hasLast = lastPostBalance != null;
      return new CustomerDaySummary(
          new CustomerDayKey(
              required("clientId", clientId),
              required("initDate", initDate),
              MoneyType.valueOf(required("moneyType", moneyType))),
          new BigDecimal(required("inflow", inflow)),
          new BigDecimal(required("outflow", outflow)),
          new BigDecimal(required("net", net)),
          required("count", count),
          required("byCategory", hasByCategory ? byCategory : null),
          hasLast ? new BigDecimal(lastPostBalance) : null,
          hasLast ? FundFlowJson.localDateTime(required("lastOccurTime", lastOccurTime)) : null,
          hasLast ? required("lastSerialNo", lastSerialNo) : null);
    }
  }
}
