package io.fundflow.common.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds change-log messages for tests: valid rows of each table in both envelopes. */
final class Messages {

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Messages() {}

  /** A valid row image of {@code table}, every column present. */
  static ObjectNode row(SourceTable table) {
    ObjectNode r = JSON.createObjectNode();
    switch (table) {
      case FUND_JOURNAL -> {
        r.put("INIT_DATE", 20261119);
        r.put("SERIAL_NO", 700001);
        r.put("OCCUR_TIME", 1795051862123L);
        r.put("CLIENT_ID", "100200300");
        r.put("FUND_ACCOUNT", "600100200300");
        r.put("BRANCH_NO", 3101);
        r.put("MONEY_TYPE", "CNY");
        r.put("BUSINESS_FLAG", 2041);
        r.put("OCCUR_BALANCE", "50000.00");
        r.put("POST_BALANCE", "181234.56");
        r.put("CHANNEL", "7");
        r.put("REMARK", "bank transfer in");
      }
      case CUSTOMER -> {
        r.put("CLIENT_ID", "100200300");
        r.put("CLIENT_NAME", "张伟");
        r.put("ID_KIND", "0");
        r.put("ID_NO", "110101198001011234");
        r.put("MOBILE", "13812345678");
        r.put("BRANCH_NO", 3101);
        r.put("OPEN_DATE", 20190315);
        r.put("CLIENT_STATUS", "0");
        r.put("RISK_LEVEL", 3);
        r.put("KEY_CLIENT", "Y");
      }
      case CHANNEL -> {
        r.put("CHANNEL_CODE", "7");
        r.put("CHANNEL_NAME", "手机证券");
        r.put("CHANNEL_TYPE", "MOBILE");
      }
      case ADVISORY_CONTRACT -> {
        r.put("CONTRACT_ID", "C2026110001");
        r.put("CLIENT_ID", "100200300");
        r.put("PORTFOLIO_CODE", "P001");
        r.put("BRANCH_NO", 3101);
        r.put("APPLY_TIME", "2026-11-18 14:00:00");
        r.put("SIGN_TIME", "2026-11-19 09:40:00.250000");
        r.putNull("TERMINATE_TIME");
        r.put("STATUS", "SIGNED");
      }
      case ADVISORY_ORDER -> {
        r.put("ORDER_ID", "O2026111900001");
        r.put("CONTRACT_ID", "C2026110001");
        r.put("CLIENT_ID", "100200300");
        r.put("PORTFOLIO_CODE", "P001");
        r.put("ORDER_TYPE", "PURCHASE");
        r.put("AMOUNT", "10000.00");
        r.put("ORDER_TIME", 1795051862123000L);
        r.put("TRADE_DATE", 20261119);
        r.put("STATUS", "ACCEPTED");
      }
    }
    return r;
  }

  /** A Debezium event without wrapper; {@code before}/{@code after} may be null (JSON null). */
  static ObjectNode debezium(String op, SourceTable table, ObjectNode before, ObjectNode after) {
    ObjectNode e = JSON.createObjectNode();
    e.set("before", before);
    e.set("after", after);
    ObjectNode source = e.putObject("source");
    source.put("connector", "oracle");
    source.put("ts_ms", 1795051862500L);
    source.put("schema", "CTS");
    source.put("table", table.name());
    source.put("scn", "88000101");
    source.put("commit_scn", "88000102");
    e.put("op", op);
    e.put("ts_ms", 1795051862700L);
    return e;
  }

  /**
   * Wraps a Debezium event in {@code {"schema","payload"}}, declaring {@code decimalColumns} of
   * both images as Kafka Connect Decimals with {@code scale} (null: no scale parameter).
   */
  static ObjectNode wrapped(ObjectNode payload, String scale, String... decimalColumns) {
    ObjectNode w = JSON.createObjectNode();
    ObjectNode schema = w.putObject("schema");
    schema.put("type", "struct");
    ArrayNode fields = schema.putArray("fields");
    for (String image : new String[] {"before", "after"}) {
      ObjectNode struct = fields.addObject();
      struct.put("type", "struct");
      struct.put("field", image);
      ArrayNode columns = struct.putArray("fields");
      for (String column : decimalColumns) {
        ObjectNode c = columns.addObject();
        c.put("type", "bytes");
        c.put("name", "org.apache.kafka.connect.data.Decimal");
        if (scale != null) {
          c.putObject("parameters").put("scale", scale).put("connect.decimal.precision", "19");
        }
        c.put("field", column);
      }
    }
    w.set("payload", payload);
    return w;
  }

  /** A GoldenGate record; {@code before}/{@code after} are left out when null. */
  static ObjectNode goldenGate(
      String opType, SourceTable table, ObjectNode before, ObjectNode after) {
    ObjectNode g = JSON.createObjectNode();
    g.put("table", "CTS." + table.name());
    g.put("op_type", opType);
    g.put("op_ts", "2026-11-19 10:12:44.500000");
    g.put("current_ts", "2026-11-19T10:12:45.010000");
    g.put("pos", "00000000320000004711");
    if (before != null) {
      g.set("before", before);
    }
    if (after != null) {
      g.set("after", after);
    }
    return g;
  }

  static byte[] bytes(Object json) {
    try {
      return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON value from its literal text, e.g. {@code 1.5}, {@code "CNY "}, {@code {"a":1}}. */
  static JsonNode literal(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
