package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.common.changelog.ChangeEventAssembler.HeaderOrRejection;

/**
 * Decodes a Debezium change event (the payload, once any {@code {"schema","payload"}} wrapper is
 * removed): {@code op} c/u/d/r, {@code before}, {@code after}, {@code source.table}, {@code
 * source.scn}, {@code source.ts_ms}.
 */
final class DebeziumDecoder {

  /*
   * Where the source position is looked for, in order. Oracle gives scn; commit_scn is the same SCN
   * domain, so falling back to it keeps positions comparable; lsn/pos serve other connectors.
   */
  private static final String[] POSITION_FIELDS = {"scn", "commit_scn", "lsn", "pos"};

  private final TableNames tables;
  private final ChangeEventAssembler assembler;

  DebeziumDecoder(TableNames tables, ChangeEventAssembler assembler) {
    this.tables = tables;
    this.assembler = assembler;
  }

  /**
   * @param topic the Kafka topic, used for the table when the envelope does not name it
   * @param payload the change event object
   * @param schema the wrapper's schema, or null when the message had no wrapper
   */
  DecodeResult decode(String topic, JsonNode payload, JsonNode schema) {
    return decode(
        topic,
        payload,
        DecimalScales.fromSchema(schema, "before"),
        DecimalScales.fromSchema(schema, "after"));
  }

  /**
   * @param topic the Kafka topic, used for the table when the envelope does not name it
   * @param payload the change event object
   * @param beforeScales the Decimal scales the wrapper declares for {@code before}
   * @param afterScales the Decimal scales the wrapper declares for {@code after}
   */
  DecodeResult decode(
      String topic, JsonNode payload, DecimalScales beforeScales, DecimalScales afterScales) {
    HeaderOrRejection read = header(topic, payload);
    if (read.header() == null) {
      return read.rejection();
    }
    ChangeEventAssembler.Header header = read.header();
    return assembler.assemble(
        header, payload.get("before"), beforeScales, payload.get("after"), afterScales);
  }

  /**
   * The header of the event (table, op, position, source time), or the rejection that stops it; the
   * row images are not looked at.
   */
  HeaderOrRejection header(String topic, JsonNode payload) {
    JsonNode opNode = payload.get("op");
    if (opNode == null || !opNode.isTextual()) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.WRONG_TYPE,
              "Debezium op is not text: " + (opNode == null ? "absent" : RowReader.shown(opNode))));
    }
    ChangeOp op = op(opNode.textValue());
    if (op == null) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.UNSUPPORTED_OP,
              "Debezium op " + RowReader.shown(opNode) + " is not applied (only c, u, d, r)"));
    }
    JsonNode source = payload.get("source");
    if (source != null && !source.isObject() && !source.isNull()) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.WRONG_TYPE,
              "Debezium source is not an object: " + RowReader.shown(source)));
    }
    boolean hasSource = source != null && source.isObject();

    SourceTable table;
    JsonNode tableNode = hasSource ? source.get("table") : null;
    if (tableNode != null && !tableNode.isNull()) {
      table = tableNode.isTextual() ? tables.byName(tableNode.textValue()) : null;
      if (table == null) {
        return HeaderOrRejection.rejected(
            Rejections.of(
                RejectReason.UNKNOWN_TABLE,
                "Debezium source.table " + RowReader.shown(tableNode) + " is not a known table"));
      }
    } else {
      table = tables.byTopic(topic);
      if (table == null) {
        return HeaderOrRejection.rejected(
            Rejections.of(
                RejectReason.UNKNOWN_TABLE,
                "Debezium event names no source.table and topic "
                    + topic
                    + " is not an ODS topic"));
      }
    }

    long position = -1;
    if (hasSource) {
      for (String field : POSITION_FIELDS) {
        JsonNode node = source.get(field);
        if (node != null && !node.isNull()) {
          position = NumberText.position(node);
          if (position < 0) {
            return HeaderOrRejection.rejected(
                Rejections.of(
                    RejectReason.MISSING_POSITION,
                    "Debezium source."
                        + field
                        + " "
                        + RowReader.shown(node)
                        + " is not a non-negative integer"));
          }
          break;
        }
      }
    }
    if (position < 0) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.MISSING_POSITION,
              "Debezium event of " + table + " has no source.scn (nor commit_scn, lsn, pos)"));
    }

    long sourceTime = 0;
    JsonNode tsNode = hasSource ? source.get("ts_ms") : null;
    if (tsNode != null && !tsNode.isNull()) {
      sourceTime = NumberText.position(tsNode);
      if (sourceTime < 0) {
        return HeaderOrRejection.rejected(
            Rejections.of(
                RejectReason.WRONG_TYPE,
                "Debezium source.ts_ms " + RowReader.shown(tsNode) + " is not epoch millis"));
      }
    }

    ChangeEventAssembler.Header header =
        new ChangeEventAssembler.Header(
            table, op, new SourcePosition(position, sourceTime), sourceTime);
    return HeaderOrRejection.of(header);
  }

  private static ChangeOp op(String code) {
    switch (code) {
      case "c":
        return ChangeOp.INSERT;
      case "u":
        return ChangeOp.UPDATE;
      case "d":
        return ChangeOp.DELETE;
      case "r":
        return ChangeOp.SNAPSHOT;
      default:
        return null; // "t" (truncate), "m" (message) and anything else are never applied
    }
  }
}
