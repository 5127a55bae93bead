package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes Oracle GoldenGate Kafka-handler JSON records as {@link ChangeLogDecoder} reads them (SPEC
 * §1): {@code table} schema-qualified ({@code CTS.FUND_JOURNAL}), {@code op_type} I/U/D (a snapshot
 * read is an initial-load insert), {@code op_ts} and TIMESTAMP columns as Asia/Shanghai local text
 * with microseconds, {@code pos} as 20 zero-padded digits, money as exact text. Pure: no I/O,
 * thread-safe.
 */
public final class GoldenGateMessages {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter LOCAL_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter CURRENT_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private GoldenGateMessages() {}

  /** The record of one change. */
  public static byte[] encode(RowChange change) {
    ObjectNode root = JSON.createObjectNode();
    root.put("table", "CTS." + change.table().name());
    root.put("op_type", opType(change.op()));
    LocalDateTime commit =
        LocalDateTime.ofInstant(
            Instant.ofEpochMilli(change.commitTimeMillis()), RowReader.SHANGHAI);
    root.put("op_ts", LOCAL_TEXT.format(commit));
    root.put("current_ts", CURRENT_TS.format(commit));
    root.put("pos", String.format("%020d", change.position()));
    ArrayNode keys = root.putArray("primary_keys");
    SourceSchema.keyColumns(change.table()).forEach(c -> keys.add(c.name()));
    if (change.before() != null) {
      root.set("before", image(change.table(), change.before()));
    }
    if (change.after() != null) {
      root.set("after", image(change.table(), change.after()));
    }
    return DebeziumMessages.bytes(root);
  }

  /**
   * The Kafka key the handler writes with {@code keyMappingTemplate=${primaryKeys}}: the key values
   * joined by {@code _}, e.g. {@code 20261119_700001}.
   */
  public static byte[] key(SourceTable table, Map<String, Object> row) {
    return SourceSchema.keyColumns(table).stream()
        .map(c -> String.valueOf(row.get(c.name())))
        .collect(Collectors.joining("_"))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The GoldenGate op_type of a change: I, U or D. */
  public static String opType(ChangeOp op) {
    switch (op) {
      case UPDATE:
        return "U";
      case DELETE:
        return "D";
      default:
        return "I";
    }
  }

  private static ObjectNode image(SourceTable table, Map<String, Object> row) {
    ObjectNode image = JSON.createObjectNode();
    for (SourceColumn column : SourceSchema.columns(table)) {
      if (!row.containsKey(column.name())) {
        continue;
      }
      Object value = row.get(column.name());
      String name = column.name();
      if (value == null) {
        image.putNull(name);
      } else if (column.type() == SourceColumn.Type.INT32
          || column.type() == SourceColumn.Type.INT64) {
        image.put(name, ((Number) value).longValue());
      } else if (column.type() == SourceColumn.Type.MONEY) {
        image.put(name, ((BigDecimal) value).toPlainString());
      } else if (column.type() == SourceColumn.Type.TIMESTAMP) {
        image.put(name, LOCAL_TEXT.format((LocalDateTime) value));
      } else {
        image.put(name, value.toString());
      }
    }
    return image;
  }
}
