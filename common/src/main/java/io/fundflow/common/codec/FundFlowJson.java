package io.fundflow.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper READER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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
   * Reads bytes written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the bytes are not a fund flow
   */
  public static FundFlow decode(byte[] json) {
    JsonNode n;
    try {
      n = READER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a fund-flow JSON: " + e.getMessage(), e);
    }
    try {
      return new FundFlow(
          n.get("initDate").intValue(),
          n.get("serialNo").longValue(),
          LocalDateTime.parse(n.get("occurTime").textValue()),
          n.get("clientId").textValue(),
          n.get("fundAccount").textValue(),
          n.get("branchNo").intValue(),
          MoneyType.valueOf(n.get("moneyType").textValue()),
          n.get("businessFlag").intValue(),
          new BigDecimal(n.get("amount").textValue()),
          new BigDecimal(n.get("postBalance").textValue()),
          text(n, "channel"),
          text(n, "remark"),
          Category.valueOf(n.get("category").textValue()),
          Direction.valueOf(n.get("direction").textValue()),
          n.get("signMismatch").booleanValue(),
          n.hasNonNull("customerBranchNo") ? n.get("customerBranchNo").intValue() : null,
          n.hasNonNull("riskLevel") ? n.get("riskLevel").intValue() : null,
          n.hasNonNull("keyClient") ? n.get("keyClient").booleanValue() : null,
          text(n, "clientName"),
          text(n, "channelName"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("incomplete fund-flow JSON: " + e.getMessage(), e);
    }
  }

  private static void writeNullable(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.textValue();
  }
}
