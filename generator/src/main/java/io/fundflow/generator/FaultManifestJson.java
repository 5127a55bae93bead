package io.fundflow.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * The fault manifest as JSON ({@code --faults-out}): the day, the seed, and each fault with its
 * key, customer, and the expected (day-end) and streamed amounts as exact decimal text.
 */
public final class FaultManifestJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private FaultManifestJson() {}

  /** UTF-8 JSON of the day's faults. */
  public static byte[] write(GeneratedDay day) {
    ObjectNode root = JSON.createObjectNode();
    root.put("initDate", day.settings().initDate());
    root.put("seed", day.settings().seed());
    root.put("customers", day.settings().customers());
    ArrayNode faults = root.putArray("faults");
    for (Fault f : day.faults().faults()) {
      ObjectNode n = faults.addObject();
      n.put("kind", f.kind().name());
      n.put("initDate", f.initDate());
      n.put("serialNo", f.serialNo());
      n.put("clientId", f.clientId());
      n.put("fundAccount", f.fundAccount());
      n.put("moneyType", f.moneyType().name());
      n.put("businessFlag", f.businessFlag());
      n.put("occurTime", TIME.format(f.occurTime()));
      n.put(
          "expectedAmount", f.expectedAmount() == null ? null : f.expectedAmount().toPlainString());
      n.put(
          "streamedAmount", f.streamedAmount() == null ? null : f.streamedAmount().toPlainString());
    }
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
