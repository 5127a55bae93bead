package io.fundflow.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CategoryTotal;
import io.fundflow.common.dws.CustomerDaySummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * BASELINE AND ORACLE, not production code: {@code FundFlowJson.encode} and {@code
 * CustomerDaySummaryJson.encode} as they were until 2026-12-03, through Jackson's generator. The
 * cells already in HBase were written by this code, so the hand-written encoders must give the same
 * bytes for every input ({@code JacksonEncodersAgreementTest}), and the benchmarks run it beside
 * them. The one copy: do not change it, do not call it from production code.
 */
public final class JacksonEncoders {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JacksonEncoders() {}

  /** A flow as {@code FundFlowJson.encode} wrote it with Jackson. */
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

  /** A summary as {@code CustomerDaySummaryJson.encode} wrote it with Jackson. */
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

  private static void writeNullable(JsonGenerator g, String field, String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }
}
