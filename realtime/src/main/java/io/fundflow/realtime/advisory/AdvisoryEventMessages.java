package io.fundflow.realtime.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fundflow.common.model.AdvisoryContract;
import io.fundflow.common.model.AdvisoryOrder;
import io.fundflow.common.names.Topics;
import io.fundflow.realtime.kafka.KafkaMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;

/**
 * The {@code dwd.advisory_event} message of a change that took effect (duplicates and stale
 * versions never get here): keyed by {@code CONTRACT/<id>} or {@code ORDER/<id>}, the value a JSON
 * object with the table, the operation, the source position and the cleaned row (for a delete, the
 * row as it was). Fields come in a fixed order and amounts as exact decimal strings, so the same
 * event always gives the same bytes.
 *
 * <p>Contracts and orders carry no column SPEC §2 masks (no name, ID number, mobile or free text),
 * so nothing is masked; CLIENT_ID stays as in {@code dwd.fund_flow}.
 */
public final class AdvisoryEventMessages {

  private static final JsonFactory FACTORY = new JsonFactory();

  private AdvisoryEventMessages() {}

  /** The message of one effective change. */
  public static KafkaMessage of(AdvisoryChange change) {
    return KafkaMessage.of(Topics.DWD_ADVISORY_EVENT, change.rowKey(), json(change));
  }

  /** The JSON value of one change, UTF-8. */
  static byte[] json(AdvisoryChange change) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(384);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField(
          "table", change.contract() != null ? "ADVISORY_CONTRACT" : "ADVISORY_ORDER");
      g.writeStringField("op", change.op().name());
      g.writeNumberField("position", change.position().position());
      g.writeNumberField("commitTimeMillis", change.position().commitTimeMillis());
      g.writeNumberField("sourceTimeMillis", change.sourceTimeMillis());
      if (change.contract() != null) {
        writeContract(g, change.contract());
      } else {
        writeOrder(g, change.order());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen writing to memory", e);
    }
    return out.toByteArray();
  }

  private static void writeContract(JsonGenerator g, AdvisoryContract c) throws IOException {
    g.writeStringField("contractId", c.contractId());
    g.writeStringField("clientId", c.clientId());
    g.writeStringField("portfolioCode", c.portfolioCode());
    g.writeNumberField("branchNo", c.branchNo());
    writeTime(g, "applyTime", c.applyTime());
    writeTime(g, "signTime", c.signTime());
    writeTime(g, "terminateTime", c.terminateTime());
    g.writeStringField("status", c.status().name());
  }

  private static void writeOrder(JsonGenerator g, AdvisoryOrder o) throws IOException {
    g.writeStringField("orderId", o.orderId());
    g.writeStringField("contractId", o.contractId());
    g.writeStringField("clientId", o.clientId());
    g.writeStringField("portfolioCode", o.portfolioCode());
    g.writeStringField("orderType", o.orderType().name());
    g.writeStringField("amount", o.amount().toPlainString());
    writeTime(g, "orderTime", o.orderTime());
    g.writeNumberField("tradeDate", o.tradeDate());
    g.writeStringField("status", o.status().name());
  }

  private static void writeTime(JsonGenerator g, String name, LocalDateTime t) throws IOException {
    if (t == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, t.toString());
    }
  }
}
