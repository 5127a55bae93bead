package io.fundflow.common.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Debezium Oracle-connector change events as {@link ChangeLogDecoder} reads them (SPEC §1),
 * in the two shapes a Kafka Connect JSON converter produces:
 *
 * <ul>
 *   <li>{@link #plain}: no schema wrapper, {@code decimal.handling.mode=string} (money as exact
 *       text);
 *   <li>{@link #wrapped}: {@code {"schema":…,"payload":…}} with money as Debezium {@code precise}
 *       decimals (base64 of the unscaled bytes) whose scale the schema declares.
 * </ul>
 *
 * TIMESTAMP columns are epoch millis of the Asia/Shanghai local time; {@code source.scn} carries
 * the position as text, {@code source.ts_ms} the commit time. Pure: no I/O, thread-safe.
 */
public final class DebeziumMessages {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECT_DECIMAL = "org.apache.kafka.connect.data.Decimal";
  private static final String DEBEZIUM_TIMESTAMP = "io.debezium.time.Timestamp";

  private DebeziumMessages() {}

  /** The event without a schema wrapper; money as decimal text. */
  public static byte[] plain(RowChange change) {
    return bytes(payload(change, false));
  }

  /** The event inside a schema wrapper; money as {@code precise} base64 with scale 2. */
  public static byte[] wrapped(RowChange change) {
    ObjectNode root = JSON.createObjectNode();
    root.set("schema", schema(change.table()));
    root.set("payload", payload(change, true));
    return bytes(root);
  }

  /**
   * The Kafka key Debezium writes for the row: its primary-key columns as a JSON object, e.g.
   * {@code {"INIT_DATE":20261119,"SERIAL_NO":700001}}.
   */
  public static byte[] key(SourceTable table, Map<String, Object> row) {
    ObjectNode key = JSON.createObjectNode();
    for (SourceColumn column : SourceSchema.keyColumns(table)) {
      putValue(key, column, row.get(column.name()), false);
    }
    return bytes(key);
  }

  /** The Debezium op code of a change: c, u, d or r. */
  public static String opCode(ChangeOp op) {
    switch (op) {
      case INSERT:
        return "c";
      case UPDATE:
        return "u";
      case DELETE:
        return "d";
      default:
        return "r";
    }
  }

  private static ObjectNode payload(RowChange change, boolean precise) {
    ObjectNode payload = JSON.createObjectNode();
    payload.set("before", image(change.table(), change.before(), precise));
    payload.set("after", image(change.table(), change.after(), precise));
    ObjectNode source = payload.putObject("source");
    source.put("version", "2.7.3.Final");
    source.put("connector", "oracle");
    source.put("name", "cts");
    source.put("ts_ms", change.commitTimeMillis());
    source.put("snapshot", change.op() == ChangeOp.SNAPSHOT ? "true" : "false");
    source.put("db", "CTSDB");
    source.put("schema", "CTS");
    source.put("table", change.table().name());
    source.put("scn", Long.toString(change.position()));
    payload.put("op", opCode(change.op()));
    payload.put("ts_ms", change.commitTimeMillis());
    payload.putNull("transaction");
    return payload;
  }

  private static ObjectNode image(SourceTable table, Map<String, Object> row, boolean precise) {
    if (row == null) {
      return null;
    }
    ObjectNode image = JSON.createObjectNode();
    for (SourceColumn column : SourceSchema.columns(table)) {
      if (row.containsKey(column.name())) {
        putValue(image, column, row.get(column.name()), precise);
      }
    }
    return image;
  }

  private static void putValue(
      ObjectNode node, SourceColumn column, Object value, boolean precise) {
    String name = column.name();
    if (value == null) {
      node.putNull(name);
      return;
    }
    switch (column.type()) {
      case INT32:
      case INT64:
        node.put(name, ((Number) value).longValue());
        break;
      case MONEY:
        BigDecimal money = (BigDecimal) value;
        if (precise) {
          byte[] unscaled =
              money.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
          node.put(name, Base64.getEncoder().encodeToString(unscaled));
        } else {
          node.put(name, money.toPlainString());
        }
        break;
      case TIMESTAMP:
        node.put(
            name, ((LocalDateTime) value).atZone(RowReader.SHANGHAI).toInstant().toEpochMilli());
        break;
      default:
        node.put(name, value.toString());
    }
  }

  private static ObjectNode schema(SourceTable table) {
    String prefix = "cts.CTS." + table.name();
    ObjectNode schema = JSON.createObjectNode();
    schema.put("type", "struct");
    schema.put("name", prefix + ".Envelope");
    schema.put("optional", false);
    ArrayNode fields = schema.putArray("fields");
    fields.add(rowSchema(table, prefix + ".Value", "before"));
    fields.add(rowSchema(table, prefix + ".Value", "after"));
    ObjectNode source = fields.addObject();
    source.put("type", "struct");
    source.putArray("fields");
    source.put("optional", false);
    source.put("name", "io.debezium.connector.oracle.Source");
    source.put("field", "source");
    ObjectNode op = fields.addObject();
    op.put("type", "string");
    op.put("optional", false);
    op.put("field", "op");
    ObjectNode ts = fields.addObject();
    ts.put("type", "int64");
    ts.put("optional", true);
    ts.put("field", "ts_ms");
    return schema;
  }

  private static ObjectNode rowSchema(SourceTable table, String name, String field) {
    ObjectNode struct = JSON.createObjectNode();
    struct.put("type", "struct");
    ArrayNode columns = struct.putArray("fields");
    for (SourceColumn column : SourceSchema.columns(table)) {
      ObjectNode c = columns.addObject();
      switch (column.type()) {
        case INT32:
          c.put("type", "int32");
          break;
        case INT64:
          c.put("type", "int64");
          break;
        case MONEY:
          c.put("type", "bytes");
          break;
        case TIMESTAMP:
          c.put("type", "int64");
          break;
        default:
          c.put("type", "string");
      }
      c.put("optional", column.optional());
      if (column.type() == SourceColumn.Type.MONEY) {
        c.put("name", CONNECT_DECIMAL);
        c.put("version", 1);
        ObjectNode parameters = c.putObject("parameters");
        parameters.put("scale", "2");
        parameters.put("connect.decimal.precision", "19");
      } else if (column.type() == SourceColumn.Type.TIMESTAMP) {
        c.put("name", DEBEZIUM_TIMESTAMP);
        c.put("version", 1);
      }
      c.put("field", column.name());
    }
    struct.put("optional", true);
    struct.put("name", name);
    struct.put("field", field.toLowerCase(Locale.ROOT));
    return struct;
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      // A tree of plain values always serialises; reaching here is a bug.
      throw new IllegalStateException(e);
    }
  }
}
