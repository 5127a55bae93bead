package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.common.changelog.ChangeEventAssembler.HeaderOrRejection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Decodes an Oracle GoldenGate Kafka-handler JSON record: {@code table}, {@code op_type} I/U/D,
 * {@code op_ts}, {@code pos}, {@code before}, {@code after}. A truncate ({@code T}) is never
 * applied.
 */
final class GoldenGateDecoder {

  private final TableNames tables;
  private final ChangeEventAssembler assembler;
  private final ZoneRules opTimeRules;

  /**
   * @param opTimeZone the zone {@code op_ts} is written in; see {@link ChangeLogDecoder}
   */
  GoldenGateDecoder(TableNames tables, ChangeEventAssembler assembler, ZoneId opTimeZone) {
    this.tables = tables;
    this.assembler = assembler;
    this.opTimeRules = opTimeZone.getRules();
  }

  /**
   * @param topic the Kafka topic, used for the table when the record does not name it
   * @param record the GoldenGate record object
   */
  DecodeResult decode(String topic, JsonNode record) {
    HeaderOrRejection read = header(topic, record);
    if (read.header() == null) {
      return read.rejection();
    }
    ChangeEventAssembler.Header header = read.header();
    return assembler.assemble(
        header, record.get("before"), DecimalScales.NONE, record.get("after"), DecimalScales.NONE);
  }

  /**
   * The header of the event (table, op, position, source time), or the rejection that stops it; the
   * row images are not looked at.
   */
  HeaderOrRejection header(String topic, JsonNode record) {
    JsonNode opNode = record.get("op_type");
    if (!opNode.isTextual()) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.WRONG_TYPE,
              "GoldenGate op_type is not text: " + RowReader.shown(opNode)));
    }
    String opCode = opNode.textValue();
    if (opCode.equals("T")) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.UNSUPPORTED_OP,
              "GoldenGate truncate (op_type T) of "
                  + record.path("table").asText("?")
                  + " is never applied"));
    }
    ChangeOp op = op(opCode);
    if (op == null) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.UNSUPPORTED_OP,
              "GoldenGate op_type " + RowReader.shown(opNode) + " is not applied (only I, U, D)"));
    }

    SourceTable table;
    JsonNode tableNode = record.get("table");
    if (tableNode != null && !tableNode.isNull()) {
      table = tableNode.isTextual() ? tables.byName(tableNode.textValue()) : null;
      if (table == null) {
        return HeaderOrRejection.rejected(
            Rejections.of(
                RejectReason.UNKNOWN_TABLE,
                "GoldenGate table " + RowReader.shown(tableNode) + " is not a known table"));
      }
    } else {
      table = tables.byTopic(topic);
      if (table == null) {
        return HeaderOrRejection.rejected(
            Rejections.of(
                RejectReason.UNKNOWN_TABLE,
                "GoldenGate record names no table and topic " + topic + " is not an ODS topic"));
      }
    }

    JsonNode posNode = record.get("pos");
    long position = NumberText.position(posNode);
    if (position < 0) {
      return HeaderOrRejection.rejected(
          Rejections.of(
              RejectReason.MISSING_POSITION,
              "GoldenGate record of "
                  + table
                  + " has no usable pos: "
                  + (posNode == null ? "absent" : RowReader.shown(posNode))));
    }

    long opTime = 0;
    JsonNode opTsNode = record.get("op_ts");
    if (opTsNode != null && !opTsNode.isNull()) {
      LocalDateTime local =
          opTsNode.isTextual() ? LocalTimestampText.parse(opTsNode.textValue()) : null;
      if (local == null) {
        return HeaderOrRejection.rejected(
            Rejections.of(
                RejectReason.BAD_DATE,
                "GoldenGate op_ts "
                    + RowReader.shown(opTsNode)
                    + " is not an existing yyyy-MM-dd HH:mm:ss[.ffffff]"));
      }
      opTime = opTimeMillis(local);
    }

    ChangeEventAssembler.Header header =
        new ChangeEventAssembler.Header(table, op, new SourcePosition(position, opTime), opTime);
    return HeaderOrRejection.of(header);
  }

  /** An {@code op_ts} local time as epoch millis in the zone it was written in. */
  long opTimeMillis(LocalDateTime local) {
    // The instant local.atZone(zone) gives, without the ZonedDateTime and its offset list: in a
    // gap or an overlap both come to the offset before the transition.
    return Instant.ofEpochSecond(local.toEpochSecond(opTimeRules.getOffset(local)), local.getNano())
        .toEpochMilli();
  }

  private static ChangeOp op(String code) {
    switch (code) {
      case "I":
        return ChangeOp.INSERT;
      case "U":
        return ChangeOp.UPDATE;
      case "D":
        return ChangeOp.DELETE;
      default:
        return null;
    }
  }
}
