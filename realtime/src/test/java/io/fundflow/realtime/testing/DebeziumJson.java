package io.fundflow.realtime.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds Debezium change-log messages (no schema wrapper, NUMBER as text) for tests. */
public final class DebeziumJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DebeziumJson() {}

  /** A message for {@code table} with op c/u/d/r at SCN {@code scn}. */
  public static byte[] message(
      String table, String op, Map<String, Object> before, Map<String, Object> after, long scn) {
    ObjectNode root = JSON.createObjectNode();
    root.set("before", before == null ? null : JSON.valueToTree(before));
    root.set("after", after == null ? null : JSON.valueToTree(after));
    ObjectNode source = root.putObject("source");
    source.put("connector", "oracle");
    source.put("schema", "CTS");
    source.put("table", table);
    source.put("scn", Long.toString(scn));
    source.put("ts_ms", 1_795_051_862_500L + scn);
    root.put("op", op);
    root.put("ts_ms", 1_795_051_862_700L + scn);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }
}
