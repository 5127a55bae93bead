package io.fundflow.common.changelog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.fundflow.common.changelog.ChangeEventAssembler.Header;
import io.fundflow.common.changelog.ChangeEventAssembler.HeaderOrRejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The decoder's fast path: reads a change-log record with Jackson's streaming parser, keeping only
 * the members the envelope decoders look at (op, op_type, table, pos, op_ts, the source position
 * and the row images) and skipping the rest without building nodes for it. The Debezium schema
 * wrapper, most of a wrapped record's bytes, is only scanned: the Decimal scales it declares are
 * cached by its exact bytes, which repeat on every record of a topic.
 *
 * <p>It vouches only for a decoded change. Anything else — a rejection, a tombstone, a record
 * bigger than {@link #MAX_FAST_BYTES}, a parse error anywhere — returns null and the caller decodes
 * the record again on the tree path, so every rejection keeps its exact reason and message. What it
 * does decode goes through the same envelope decoders and row mappings as the tree path, so the
 * decoded change is the same.
 *
 * <p>On the FUND_JOURNAL topic, the hot one, a record is first read with its row images going
 * straight from tokens to typed columns ({@link FundJournalImage}), without nodes; only when that
 * reader declines (an unusual image, another table) is the record read again with node images.
 */
final class StreamingEnvelopeReader {

  /*
   * Jackson checks string lengths (StreamReadConstraints, 20M chars) only when a string is
   * materialized, which skipping avoids; records this small cannot hold a string that long, so the
   * skip loses no check the tree path makes.
   */
  private static final int MAX_FAST_BYTES = 1 << 20;

  private static final int SCHEMA_CACHE_SIZE = 8;

  /** What an object's members are read as. */
  private enum Level {
    ROOT,
    PAYLOAD,
    SOURCE,
    IMAGE
  }

  /** The Decimal scales of one schema wrapper, keyed by the wrapper's exact bytes. */
  private record CachedSchema(byte[] bytes, DecimalScales before, DecimalScales after) {}

  private final JsonFactory factory;
  private final ObjectReader subtreeReader;
  private final DebeziumDecoder debezium;
  private final GoldenGateDecoder goldenGate;
  private final TableNames tables;
  private final JournalRecordScanner scanner;

  /*
   * The only mutable state: an immutable array swapped whole. A race between threads can at worst
   * drop an entry, which costs one re-read of a schema, never a wrong scale (an entry is found only
   * by an exact byte match).
   */
  private volatile CachedSchema[] schemas = new CachedSchema[0];

  /**
   * @param subtreeReader reads a member that is not a plain scalar exactly as the tree path would
   *     (same features), without insisting on the end of input after it
   */
  StreamingEnvelopeReader(
      ObjectReader subtreeReader,
      DebeziumDecoder debezium,
      GoldenGateDecoder goldenGate,
      TableNames tables) {
    this.subtreeReader = subtreeReader;
    this.tables = tables;
    this.scanner = new JournalRecordScanner(goldenGate);
    this.factory = subtreeReader.getFactory();
    this.debezium = debezium;
    this.goldenGate = goldenGate;
  }

  /** The decoded change, or null when the tree path must decide. Never throws. */
  DecodeResult.Decoded decode(String topic, byte[] value) {
    if (value.length > MAX_FAST_BYTES) {
      return null;
    }
    if (tables.byTopic(topic) == SourceTable.FUND_JOURNAL) {
      DecodeResult.Decoded scanned = scanJournal(value);
      if (scanned != null) {
        return scanned;
      }
      DecodeResult.Decoded direct = read(topic, value, true);
      if (direct != null) {
        return direct;
      }
    }
    return read(topic, value, false);
  }

  /** The byte scanner's reading of a FUND_JOURNAL record, or null. */
  private DecodeResult.Decoded scanJournal(byte[] value) {
    Root root = new Root();
    int rest = knownSchemaRest(value, root);
    return rest < 0
        ? scanner.decode(value, 0, false, DecimalScales.NONE, DecimalScales.NONE)
        : scanner.decode(value, rest, true, root.known.before(), root.known.after());
  }

  /**
   * One reading of the record; with {@code directJournal}, its row images are read as FUND_JOURNAL
   * columns straight from the tokens.
   */
  private DecodeResult.Decoded read(String topic, byte[] value, boolean directJournal) {
    Root root = new Root();
    root.directJournal = directJournal;
    byte[] known = afterKnownSchema(value, root);
    byte[] input = known == null ? value : known;
    try (JsonParser p = factory.createParser(input)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ObjectNode record = readObject(p, Level.ROOT, root);
      if (p.nextToken() != null) {
        return null; // trailing tokens: malformed, the tree path says so
      }
      if (directJournal) {
        return decodeJournal(topic, input, record, root);
      }
      DecodeResult result = decodeRecord(topic, input, record, root);
      return result instanceof DecodeResult.Decoded decoded ? decoded : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The same envelope decision as the tree path's, on the kept members. */
  private DecodeResult decodeRecord(String topic, byte[] value, ObjectNode record, Root root)
      throws IOException {
    if (record.has("op_type")) {
      return goldenGate.decode(topic, record);
    }
    if (record.has("op")) {
      return debezium.decode(topic, record, DecimalScales.NONE, DecimalScales.NONE);
    }
    JsonNode payload = record.get("payload");
    if (payload != null && payload.isObject() && payload.has("op")) {
      CachedSchema schema = schemaScales(value, root);
      return debezium.decode(topic, payload, schema.before(), schema.after());
    }
    return null;
  }

  /**
   * The same envelope decision as {@link #decodeRecord} on a record whose images were read by
   * {@link FundJournalImage}; null unless it is a FUND_JOURNAL change those images map.
   */
  private DecodeResult.Decoded decodeJournal(
      String topic, byte[] value, ObjectNode record, Root root) throws IOException {
    HeaderOrRejection read;
    JsonNode images;
    DecimalScales beforeScales = DecimalScales.NONE;
    DecimalScales afterScales = DecimalScales.NONE;
    if (record.has("op_type")) {
      read = goldenGate.header(topic, record);
      images = record;
    } else if (record.has("op")) {
      read = debezium.header(topic, record);
      images = record;
    } else {
      JsonNode payload = record.get("payload");
      if (payload == null || !payload.isObject() || !payload.has("op")) {
        return null;
      }
      CachedSchema schema = schemaScales(value, root);
      beforeScales = schema.before();
      afterScales = schema.after();
      read = debezium.header(topic, payload);
      images = payload;
    }
    Header header = read.header();
    if (header == null) {
      return null;
    }
    return FundJournalImage.change(
        header, image(images.get("before")), beforeScales, image(images.get("after")), afterScales);
  }

  /** The image a direct reading put in an envelope member; null for a null or absent one. */
  private static FundJournalImage image(JsonNode member) {
    return member instanceof POJONode pojo ? (FundJournalImage) pojo.getPojo() : null;
  }

  /** The direct reading gives up on the record: the slower paths read it. */
  private static final class Declined extends RuntimeException {
    Declined() {
      super("left to the node path", null, false, false);
    }
  }

  /**
   * Where the root's {@code schema} member lies in the record (-1 when absent or not an object), or
   * the cached scales when the record was entered past a known schema.
   */
  private static final class Root {
    int schemaStart = -1;
    int schemaEnd = -1;
    CachedSchema known;

    /** Row images are read by {@link FundJournalImage}, as POJO nodes. */
    boolean directJournal;
  }

  private static final byte[] SCHEMA_NAME = "\"schema\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * When the record opens with {@code {"schema": S,} and S is byte for byte a schema already read,
   * the record's other members as an object of their own, {@code {} + the rest; else null. Records
   * of one topic repeat their schema, and this spares scanning it on every record. The two are
   * equally well-formed (S was parsed whole before), except that a record whose rest is only
   * {@code }} would read as an empty object here — which decodes to nothing, so the tree path
   * still has the last word on it.
   */
  private byte[] afterKnownSchema(byte[] value, Root root) {
    int rest = knownSchemaRest(value, root);
    if (rest < 0) {
      return null;
    }
    byte[] input = new byte[1 + value.length - rest];
    input[0] = '{';
    System.arraycopy(value, rest, input, 1, value.length - rest);
    return input;
  }

  /**
   * When the record opens with {@code {"schema": S,} and S is byte for byte a schema already read,
   * the index of the member after it (its opening quote), with {@code root.known} set; else -1.
   */
  private int knownSchemaRest(byte[] value, Root root) {
    CachedSchema[] cached = schemas;
    if (cached.length == 0) {
      return -1;
    }
    int i = skipSpace(value, 0);
    if (i >= value.length || value[i] != '{') {
      return -1;
    }
    i = skipSpace(value, i + 1);
    if (!Arrays.equals(
        value,
        i,
        Math.min(i + SCHEMA_NAME.length, value.length),
        SCHEMA_NAME,
        0,
        SCHEMA_NAME.length)) {
      return -1;
    }
    i = skipSpace(value, i + SCHEMA_NAME.length);
    if (i >= value.length || value[i] != ':') {
      return -1;
    }
    int start = skipSpace(value, i + 1);
    for (CachedSchema c : cached) {
      int end = start + c.bytes().length;
      if (end <= value.length && Arrays.equals(c.bytes(), 0, c.bytes().length, value, start, end)) {
        int comma = skipSpace(value, end);
        if (comma >= value.length || value[comma] != ',') {
          return -1;
        }
        int rest = skipSpace(value, comma + 1);
        if (rest >= value.length || value[rest] != '"') {
          return -1;
        }
        root.known = c;
        return rest;
      }
    }
    return -1;
  }

  private static int skipSpace(byte[] b, int i) {
    while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  private ObjectNode readObject(JsonParser p, Level level, Root root) throws IOException {
    // A FUND_JOURNAL image has 12 columns, CUSTOMER 10; an envelope or source keeps at most 6.
    FieldMap members = new FieldMap(level == Level.IMAGE ? 12 : 6);
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (level == Level.ROOT && name.equals("schema")) {
        markSchema(p, t, root);
      } else if (root.directJournal
          && (level == Level.ROOT || level == Level.PAYLOAD)
          && (name.equals("before") || name.equals("after"))) {
        members.add(name, directImage(p, t));
      } else if (kept(level, name)) {
        members.add(name, value(p, t, childLevel(level, name), root));
      } else {
        skip(p, t);
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new IllegalStateException("object not closed: " + p.currentToken());
    }
    return new ObjectNode(JsonNodeFactory.instance, members);
  }

  private static JsonNode directImage(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return NullNode.getInstance();
    }
    FundJournalImage image = t == JsonToken.START_OBJECT ? FundJournalImage.read(p) : null;
    if (image == null) {
      throw new Declined();
    }
    return new POJONode(image);
  }

  private static boolean kept(Level level, String name) {
    return switch (level) {
      case ROOT ->
          isEnvelopeMember(name)
              || name.equals("op_type")
              || name.equals("table")
              || name.equals("pos")
              || name.equals("op_ts")
              || name.equals("payload");
      case PAYLOAD -> isEnvelopeMember(name);
      case SOURCE ->
          name.equals("table")
              || name.equals("scn")
              || name.equals("commit_scn")
              || name.equals("lsn")
              || name.equals("pos")
              || name.equals("ts_ms");
      case IMAGE -> true;
    };
  }

  private static boolean isEnvelopeMember(String name) {
    return name.equals("op")
        || name.equals("before")
        || name.equals("after")
        || name.equals("source");
  }

  /** The level an object member is read at, or null when it is read as a plain Jackson tree. */
  private static Level childLevel(Level level, String name) {
    if (level == Level.IMAGE || level == Level.SOURCE) {
      return null;
    }
    if (name.equals("before") || name.equals("after")) {
      return Level.IMAGE;
    }
    if (name.equals("source")) {
      return Level.SOURCE;
    }
    return level == Level.ROOT && name.equals("payload") ? Level.PAYLOAD : null;
  }

  private JsonNode value(JsonParser p, JsonToken t, Level objectLevel, Root root)
      throws IOException {
    switch (t) {
      case VALUE_STRING:
        return JsonNodeFactory.instance.textNode(p.getText());
      case VALUE_NULL:
        return NullNode.getInstance();
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return JsonNodeFactory.instance.numberNode(p.getIntValue());
          case LONG:
            return JsonNodeFactory.instance.numberNode(p.getLongValue());
          default:
            return subtreeReader.readTree(p);
        }
      case START_OBJECT:
        if (objectLevel != null) {
          return readObject(p, objectLevel, root);
        }
        return subtreeReader.readTree(p);
      default:
        // Floats (BigDecimal, as the tree path reads them), arrays, nested objects.
        return subtreeReader.readTree(p);
    }
  }

  /**
   * Steps over a member's value. Floats are still parsed: the tree path parses every number, and
   * one that cannot be parsed must not decode here when it is malformed there.
   */
  private static void skip(JsonParser p, JsonToken first) throws IOException {
    int depth = 0;
    JsonToken t = first;
    while (true) {
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        depth++;
      } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        depth--;
      } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        p.getDecimalValue();
      } else if (t == null) {
        throw new IllegalStateException("end of input inside a value");
      }
      if (depth == 0) {
        return;
      }
      t = p.nextToken();
    }
  }

  private static void markSchema(JsonParser p, JsonToken t, Root root) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      skip(p, t);
      root.schemaStart = -1; // a later member wins, as in the tree: not an object means no scales
      root.schemaEnd = -1;
      root.known = NO_SCHEMA;
      return;
    }
    int start = (int) p.currentTokenLocation().getByteOffset();
    skip(p, t);
    root.schemaStart = start;
    root.known = null;
    root.schemaEnd = (int) p.currentLocation().getByteOffset();
  }

  private static final CachedSchema NO_SCHEMA =
      new CachedSchema(new byte[0], DecimalScales.NONE, DecimalScales.NONE);

  private CachedSchema schemaScales(byte[] value, Root root) throws IOException {
    if (root.known != null && root.schemaStart < 0) {
      return root.known;
    }
    if (root.schemaStart < 0) {
      return NO_SCHEMA;
    }
    int start = root.schemaStart;
    int end = root.schemaEnd;
    if (end > value.length || value[start] != '{' || value[end - 1] != '}') {
      throw new IllegalStateException("schema span not where the parser said");
    }
    CachedSchema[] cached = schemas;
    for (CachedSchema c : cached) {
      if (Arrays.equals(c.bytes(), 0, c.bytes().length, value, start, end)) {
        return c;
      }
    }
    JsonNode schema = subtreeReader.readTree(value, start, end - start);
    CachedSchema read =
        new CachedSchema(
            Arrays.copyOfRange(value, start, end),
            DecimalScales.fromSchema(schema, "before"),
            DecimalScales.fromSchema(schema, "after"));
    CachedSchema[] next = new CachedSchema[Math.min(cached.length + 1, SCHEMA_CACHE_SIZE)];
    next[0] = read;
    System.arraycopy(cached, 0, next, 1, next.length - 1);
    schemas = next;
    return read;
  }
}
