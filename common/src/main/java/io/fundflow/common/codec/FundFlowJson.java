package io.fundflow.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fundflow.common.changelog.LocalTimestampText;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The one serialized form of a DWD fund flow: the value on {@code dwd.fund_flow} and the detail
 * cell in HBase. Fields are written in a fixed order with amounts as exact decimal strings, so the
 * same flow always gives the same bytes — which is what lets the stream and the batch write
 * byte-identical rows.
 */
public final class FundFlowJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private FundFlowJson() {}

  /** The flow as UTF-8 JSON bytes. */
  public static byte[] encode(FundFlow f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("initDate", f.initDate());
      g.writeNumberField("serialNo", f.serialNo());
      g.writeStringField("occurTime", f.occurTime().toString());
      g.writeStringField("clientId", f.clientId());
      g.writeStringField("fundAccount", f.fundAccount());
      g.writeNumberField("branchNo", f.branchNo());
      g.writeStringField("moneyType", f.moneyType().name());
      g.writeNumberField("businessFlag", f.businessFlag());
      g.writeStringField("amount", f.occurBalance().toPlainString());
      g.writeStringField("postBalance", f.postBalance().toPlainString());
      writeNullable(g, "channel", f.channel());
      writeNullable(g, "remark", f.remark());
      g.writeStringField("category", f.category().name());
      g.writeStringField("direction", f.direction().name());
      g.writeBooleanField("signMismatch", f.signMismatch());
      if (f.customerBranchNo() != null) {
        g.writeNumberField("customerBranchNo", f.customerBranchNo());
      }
      if (f.riskLevel() != null) {
        g.writeNumberField("riskLevel", f.riskLevel());
      }
      if (f.keyClient() != null) {
        g.writeBooleanField("keyClient", f.keyClient());
      }
      writeNullable(g, "clientName", f.clientName());
      writeNullable(g, "channelName", f.channelName());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Reads bytes written by {@link #encode}: fields in any order, unknown fields ignored.
   *
   * <p>A streaming read, not a tree: the nightly correction decodes every flow of the day and the
   * query API every row of a page, and building a {@code JsonNode} per flow was the larger part of
   * that cost.
   *
   * @throws IllegalArgumentException when the bytes are not a fund flow
   */
  public static FundFlow decode(byte[] json) {
    Fields f = new Fields();
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a fund-flow JSON: no object");
      }
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.VALUE_NULL) { // null is an absent optional field; a required one fails below
          f.read(name, t, p);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IllegalArgumentException("not a fund-flow JSON: trailing content");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a fund-flow JSON: " + e.getMessage(), e);
    }
    try {
      return f.flow();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete fund-flow JSON: " + e.getMessage(), e);
    }
  }

  /** The fields of one flow as they are read; {@link #flow} checks the required ones. */
  private static final class Fields {
    private Integer initDate;
    private Long serialNo;
    private String occurTime;
    private String clientId;
    private String fundAccount;
    private Integer branchNo;
    private String moneyType;
    private Integer businessFlag;
    private String amount;
    private String postBalance;
    private String channel;
    private String remark;
    private String category;
    private String direction;
    private Boolean signMismatch;
    private Integer customerBranchNo;
    private Integer riskLevel;
    private Boolean keyClient;
    private String clientName;
    private String channelName;

    void read(String name, JsonToken t, JsonParser p) throws IOException {
      switch (name) {
        case "initDate" -> initDate = integer(name, t, p);
        case "serialNo" -> serialNo = longValue(name, t, p);
        case "occurTime" -> occurTime = string(name, t, p);
        case "clientId" -> clientId = string(name, t, p);
        case "fundAccount" -> fundAccount = string(name, t, p);
        case "branchNo" -> branchNo = integer(name, t, p);
        case "moneyType" -> moneyType = string(name, t, p);
        case "businessFlag" -> businessFlag = integer(name, t, p);
        case "amount" -> amount = string(name, t, p);
        case "postBalance" -> postBalance = string(name, t, p);
        case "channel" -> channel = string(name, t, p);
        case "remark" -> remark = string(name, t, p);
        case "category" -> category = string(name, t, p);
        case "direction" -> direction = string(name, t, p);
        case "signMismatch" -> signMismatch = bool(name, t, p);
        case "customerBranchNo" -> customerBranchNo = integer(name, t, p);
        case "riskLevel" -> riskLevel = integer(name, t, p);
        case "keyClient" -> keyClient = bool(name, t, p);
        case "clientName" -> clientName = string(name, t, p);
        case "channelName" -> channelName = string(name, t, p);
        default -> p.skipChildren(); // a field of a later version: ignored, as a tree read would
      }
    }

    FundFlow flow() {
      return new FundFlow(
          required("initDate", initDate),
          required("serialNo", serialNo),
          localDateTime(required("occurTime", occurTime)),
          required("clientId", clientId),
          required("fundAccount", fundAccount),
          required("branchNo", branchNo),
          MoneyType.valueOf(required("moneyType", moneyType)),
          required("businessFlag", businessFlag),
          new BigDecimal(required("amount", amount)),
          new BigDecimal(required("postBalance", postBalance)),
          channel,
          remark,
          Category.valueOf(required("category", category)),
          Direction.valueOf(required("direction", direction)),
          required("signMismatch", signMismatch),
          customerBranchNo,
          riskLevel,
          keyClient,
          clientName,
          channelName);
    }

    /**
     * {@code LocalDateTime.toString()}'s text: the hand-written scanner when it has seconds (the
     * formatter was a third of the decode's time), the formatter when it has none ({@code toString}
     * drops {@code :00}).
     */
    private static LocalDateTime localDateTime(String text) {
      LocalDateTime t = LocalTimestampText.parse(text);
      return t != null ? t : LocalDateTime.parse(text);
    }

    private static <T> T required(String field, T value) {
      if (value == null) {
        throw new IllegalArgumentException("missing " + field);
      }
      return value;
    }

    private static int integer(String field, JsonToken t, JsonParser p) throws IOException {
      expect(field, t, JsonToken.VALUE_NUMBER_INT);
      return p.getIntValue();
    }

    private static long longValue(String field, JsonToken t, JsonParser p) throws IOException {
      expect(field, t, JsonToken.VALUE_NUMBER_INT);
      return p.getLongValue();
    }

    private static String string(String field, JsonToken t, JsonParser p) throws IOException {
      expect(field, t, JsonToken.VALUE_STRING);
      return p.getText();
    }

    private static boolean bool(String field, JsonToken t, JsonParser p) {
      if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
        throw new IllegalArgumentException("not a fund-flow JSON: " + field + " is not a boolean");
      }
      return t == JsonToken.VALUE_TRUE;
    }

    private static void expect(String field, JsonToken actual, JsonToken wanted) {
      if (actual != wanted) {
        throw new IllegalArgumentException(
            "not a fund-flow JSON: " + field + " is " + actual + ", not " + wanted);
      }
    }
  }

  private static void writeNullable(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
