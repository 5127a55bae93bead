package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.common.model.SourceRow;

/**
 * Builds a {@link ChangeEvent} from the parts both envelopes share once each has read its own
 * header: checks that the operation has the images it needs and maps them to domain records.
 */
final class ChangeEventAssembler {

  /** Everything an envelope decoder has read, apart from the row images' contents. */
  record Header(SourceTable table, ChangeOp op, SourcePosition position, long sourceTimeMillis) {}

  /** What reading an envelope's header gave: a header, or else the rejection that stopped it. */
  record HeaderOrRejection(Header header, DecodeResult rejection) {

    static HeaderOrRejection of(Header header) {
      return new HeaderOrRejection(header, null);
    }

    static HeaderOrRejection rejected(DecodeResult rejection) {
      return new HeaderOrRejection(null, rejection);
    }
  }

  DecodeResult assemble(
      Header header,
      JsonNode beforeNode,
      DecimalScales beforeScales,
      JsonNode afterNode,
      DecimalScales afterScales) {
    SourceTable table = header.table();
    ChangeOp op = header.op();
    boolean hasBefore = beforeNode != null && !beforeNode.isNull();
    boolean hasAfter = afterNode != null && !afterNode.isNull();
    if (op.upserts() && !hasAfter) {
      return Rejections.of(RejectReason.MISSING_IMAGE, op + " of " + table + " has no after image");
    }
    if (op == ChangeOp.DELETE && !hasBefore) {
      return Rejections.of(
          RejectReason.MISSING_IMAGE, "DELETE of " + table + " has no before image");
    }
    RowMapping mapping = RowMapping.of(table);
    SourceRow after = null;
    if (op.upserts()) {
      if (!afterNode.isObject()) {
        return Rejections.of(
            RejectReason.WRONG_TYPE,
            table + " after image is not a JSON object: " + RowReader.shown(afterNode));
      }
      RowReader reader = new RowReader(table, "after", afterNode, afterScales);
      after = mapping.read(reader);
      if (reader.failed()) {
        return new DecodeResult.Rejected(reader.problem());
      }
    }
    SourceRow before = null;
    // Inserts and snapshot reads have no before image by contract; one sent anyway is ignored.
    if (hasBefore && (op == ChangeOp.UPDATE || op == ChangeOp.DELETE)) {
      if (!beforeNode.isObject()) {
        return Rejections.of(
            RejectReason.WRONG_TYPE,
            table + " before image is not a JSON object: " + RowReader.shown(beforeNode));
      }
      RowReader reader = new RowReader(table, "before", beforeNode, beforeScales);
      before = mapping.read(reader);
      if (reader.failed() && !(op == ChangeOp.UPDATE && isPartialImage(reader.problem()))) {
        return new DecodeResult.Rejected(reader.problem());
      }
    }
    return new DecodeResult.Decoded(
        new ChangeEvent(table, op, before, after, header.position(), header.sourceTimeMillis()));
  }

  /*
   * An update's before image may legitimately hold only some columns (GoldenGate compressed
   * updates, Oracle supplemental logging of the key only). An update needs no before image, so a
   * partial one is dropped (before = null) instead of rejecting a good change; a corrupt value
   * still rejects.
   */
  private static boolean isPartialImage(Rejection problem) {
    return problem.reason() == RejectReason.MISSING_COLUMN
        || problem.reason() == RejectReason.MISSING_KEY;
  }
}
