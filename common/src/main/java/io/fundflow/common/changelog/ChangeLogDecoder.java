package io.fundflow.common.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Objects;

/**
 * Decodes one ODS change-log record (a Kafka value) into a {@link ChangeEvent}, whichever envelope
 * carried it: Debezium JSON with or without its schema wrapper, or Oracle GoldenGate JSON (SPEC
 * §1).
 *
 * <p>{@link #decode} never throws: every input, however broken, becomes {@link
 * DecodeResult.Decoded}, {@link DecodeResult.Rejected} (for the dead-letter topic, with a reason
 * and a message naming the column and value) or {@link DecodeResult.Skipped} (a Debezium
 * tombstone). Instances are thread-safe (their only state is a cache of schema-wrapper scales);
 * create one per operator and reuse it.
 *
 * <p>A record is first read by a streaming fast path ({@link StreamingEnvelopeReader}); whatever
 * that path does not decode cleanly is read again as a Jackson tree, which gives every rejection
 * its reason and message.
 *
 * <p>Usage: {@code DecodeResult r = new ChangeLogDecoder().decode("ods.fund_journal", bytes);}
 */
public final class ChangeLogDecoder {

  private static final DecodeResult.Skipped TOMBSTONE =
      new DecodeResult.Skipped("Debezium tombstone (null value after a delete)");
  private static final int MAX_FIELD_NAMES_SHOWN = 8;

  private final ObjectReader reader;
  private final DebeziumDecoder debezium;
  private final GoldenGateDecoder goldenGate;
  private final StreamingEnvelopeReader streaming;

  /**
   * A decoder that reads GoldenGate {@code op_ts} as Asia/Shanghai local time.
   *
   * <p>Why: the GoldenGate Kafka handler writes {@code op_ts} without a zone, in the zone its
   * {@code goldengate.userexit.timestamp} setting chooses; the counter system and its replicat here
   * run on Beijing time, and every business time of the platform is Asia/Shanghai. {@code op_ts}
   * only orders versions as a tie-breaker after {@code pos} and feeds latency metrics, so the zone
   * never changes which version wins. A site writing UTC uses {@link #ChangeLogDecoder(ZoneId)}.
   */
  public ChangeLogDecoder() {
    this(RowReader.SHANGHAI);
  }

  /** A decoder that reads GoldenGate {@code op_ts} in {@code goldenGateOpTimeZone}. */
  public ChangeLogDecoder(ZoneId goldenGateOpTimeZone) {
    Objects.requireNonNull(goldenGateOpTimeZone, "goldenGateOpTimeZone");
    // Floats as BigDecimal: no double ever touches an amount. Trailing tokens fail, so two records
    // glued together or garbage after a record are malformed rather than silently cut.
    this.reader =
        new ObjectMapper()
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    TableNames tables = new TableNames();
    ChangeEventAssembler assembler = new ChangeEventAssembler();
    this.debezium = new DebeziumDecoder(tables, assembler);
    this.goldenGate = new GoldenGateDecoder(tables, assembler, goldenGateOpTimeZone);
    this.streaming =
        new StreamingEnvelopeReader(
            reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS),
            debezium,
            goldenGate,
            tables);
  }

  /**
   * Decodes one record.
   *
   * @param topic the Kafka topic it was read from (names the table when the envelope does not)
   * @param value the Kafka value, possibly null (a tombstone)
   * @return the decoded change, a rejection with its reason, or a skip; never null, never throws
   */
  public DecodeResult decode(String topic, byte[] value) {
    if (value == null || value.length == 0) {
      return TOMBSTONE;
    }
    DecodeResult.Decoded fast = streaming.decode(topic, value);
    return fast != null ? fast : decodeTree(topic, value);
  }

  /**
   * The fast path on its own: the decoded change, or null when it leaves the record to the tree.
   */
  DecodeResult.Decoded decodeStreaming(String topic, byte[] value) {
    return streaming.decode(topic, value);
  }

  /** The tree path on its own, for any non-empty record; what decides every non-decoded result. */
  DecodeResult decodeTree(String topic, byte[] value) {
    try {
      JsonNode root;
      try {
        root = reader.readTree(value);
      } catch (JsonProcessingException e) {
        return Rejections.of(RejectReason.MALFORMED_JSON, "not valid JSON: " + brief(e));
      } catch (CharConversionException e) {
        // Jackson's encoding detection refuses some leading bytes (a UCS-4 byte-order mark of an
        // order it does not read) before parsing starts: not JSON either.
        return Rejections.of(RejectReason.MALFORMED_JSON, "not valid JSON: " + e.getMessage());
      } catch (NumberFormatException e) {
        // Valid JSON syntax, but a number no BigDecimal can hold (e.g. an exponent of 16 digits):
        // the tree reads every fraction as a BigDecimal, so it fails here, not in a column reader.
        return Rejections.of(
            RejectReason.WRONG_TYPE, "a number that cannot be read as a decimal: " + e.getMessage());
      }
      if (root == null || !root.isObject()) {
        return Rejections.of(
            RejectReason.MALFORMED_JSON,
            "not a JSON object: " + (root == null ? "no content" : RowReader.shown(root)));
      }
      return decodeObject(topic, root);
    } catch (IOException | RuntimeException e) {
      // The last line of defence: a decoder bug must cost one dead letter, never the job.
      return Rejections.of(
          RejectReason.WRONG_TYPE,
          "could not be decoded: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private DecodeResult decodeObject(String topic, JsonNode root) {
    if (root.has("op_type")) {
      return goldenGate.decode(topic, root);
    }
    if (root.has("op")) {
      return debezium.decode(topic, root, null);
    }
    if (root.has("payload")) {
      JsonNode payload = root.get("payload");
      if (payload.isNull()) {
        // Kafka Connect's JsonConverter wrote tombstones this way before it kept them null.
        return TOMBSTONE;
      }
      if (payload.isObject() && payload.has("op")) {
        return debezium.decode(topic, payload, root.get("schema"));
      }
    }
    return Rejections.of(
        RejectReason.UNKNOWN_ENVELOPE,
        "neither a Debezium event (op, payload.op) nor a GoldenGate record (op_type); fields: "
            + fieldNames(root));
  }

  private static String brief(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + " column "
                + e.getLocation().getColumnNr();
    if (message != null && message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return message + where;
  }

  private static String fieldNames(JsonNode root) {
    StringBuilder names = new StringBuilder("[");
    Iterator<String> it = root.fieldNames();
    for (int i = 0; it.hasNext(); i++) {
      if (i == MAX_FIELD_NAMES_SHOWN) {
        names.append(", …");
        break;
      }
      String name = it.next();
      names
          .append(i == 0 ? "" : ", ")
          .append(name.length() > 40 ? name.substring(0, 40) + "…" : name);
    }
    return names.append(']').toString();
  }
}
