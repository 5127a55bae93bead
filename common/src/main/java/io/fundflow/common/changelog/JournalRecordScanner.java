package io.fundflow.common.changelog;

import java.time.LocalDateTime;

/**
 * The decoder's fastest path, for FUND_JOURNAL records on their own topic: one pass over the UTF-8
 * bytes of a Debezium (plain or wrapped) or GoldenGate record in the shapes those connectors write,
 * straight into a {@link ChangeEvent}, without a JSON parser, tokens or nodes.
 *
 * <p>It accepts a strict subset of JSON: strings without escapes or control characters and in
 * well-formed UTF-8, integers without leading zeros and of at most 18 digits, no fractions or
 * exponents outside strings, nesting at most {@value #MAX_DEPTH} deep, nothing after the record but
 * whitespace, and no repeated envelope member. Whatever it accepts, Jackson reads as the same
 * values. Everything else — another shape, a value the mapping or the envelope decoders would
 * refuse, another table — returns null, and the record goes to the Jackson-based paths, which give
 * any rejection its reason. The header decisions mirror {@link DebeziumDecoder#header} and {@link
 * GoldenGateDecoder#header} on the values accepted here; the images go through {@link
 * FundJournalImage}, as on the token path.
 */
final class JournalRecordScanner {

  static final int MAX_DEPTH = 32;
  private static final int MAX_DIGITS = 18;
  private static final int MAX_NAME_BYTES = 256;

  private static final byte[] OP_TYPE = ascii("op_type");
  private static final byte[] OP = ascii("op");
  private static final byte[] TABLE = ascii("table");
  private static final byte[] POS = ascii("pos");
  private static final byte[] OP_TS = ascii("op_ts");
  private static final byte[] BEFORE = ascii("before");
  private static final byte[] AFTER = ascii("after");
  private static final byte[] SOURCE = ascii("source");
  private static final byte[] PAYLOAD = ascii("payload");
  private static final byte[] SCHEMA = ascii("schema");
  private static final byte[] SCN = ascii("scn");
  private static final byte[] COMMIT_SCN = ascii("commit_scn");
  private static final byte[] LSN = ascii("lsn");
  private static final byte[] TS_MS = ascii("ts_ms");
  private static final byte[] FUND_JOURNAL = ascii("FUND_JOURNAL");
  private static final byte[] CTS_FUND_JOURNAL = ascii("CTS.FUND_JOURNAL");

  /**
   * The bytes a string may hold as they are: ASCII but the quote, the backslash and control
   * characters. Filled once here and never written again.
   */
  private static final boolean[] PLAIN = plainStringBytes();

  private final GoldenGateDecoder goldenGate;

  /**
   * @param goldenGate gives GoldenGate {@code op_ts} its zone, as on the other paths
   */
  JournalRecordScanner(GoldenGateDecoder goldenGate) {
    this.goldenGate = goldenGate;
  }

  /**
   * The record as a FUND_JOURNAL change, or null when the other paths must read it.
   *
   * @param value the record (read from the FUND_JOURNAL topic)
   * @param from where to start: the record's first byte, or with {@code afterSchema} the first
   *     member after a leading {@code "schema"} member already known
   * @param afterSchema whether the record opened with a known schema wrapper
   * @param beforeScales the Decimal scales that schema declares for {@code before}
   * @param afterScales the Decimal scales that schema declares for {@code after}
   */
  DecodeResult.Decoded decode(
      byte[] value,
      int from,
      boolean afterSchema,
      DecimalScales beforeScales,
      DecimalScales afterScales) {
    try {
      return new Scan(value, from).record(afterSchema, beforeScales, afterScales);
    } catch (Declined | RuntimeException e) {
      return null;
    }
  }

  /** The record is one for the other paths. */
  private static final class Declined extends Exception {
    Declined() {
      super("left to the Jackson paths", null, false, false);
    }
  }

  /**
   * A scalar envelope member as read: absent, null, a string's byte span, or an integer. Only
   * members that occur get one of their own; the others share {@link #ABSENT}.
   */
  private record Scalar(int kind, int start, int length, long number) {
    static final int NULL = 1;
    static final int STRING = 2;
    static final int INTEGER = 3;
    static final Scalar ABSENT = new Scalar(0, 0, 0, 0);
  }

  /** The members of one envelope level (the record or its payload) the decoders read. */
  private static final class Envelope {
    Scalar op = Scalar.ABSENT;
    Scalar opType = Scalar.ABSENT;
    Scalar table = Scalar.ABSENT;
    Scalar pos = Scalar.ABSENT;
    Scalar opTs = Scalar.ABSENT;
    boolean beforeSeen;
    boolean afterSeen;
    FundJournalImage before;
    FundJournalImage after;
    Source source;
    boolean payloadSeen;
    Envelope payload;
  }

  /** The Debezium {@code source} members the decoder reads. */
  private static final class Source {
    Scalar table = Scalar.ABSENT;
    Scalar scn = Scalar.ABSENT;
    Scalar commitScn = Scalar.ABSENT;
    Scalar lsn = Scalar.ABSENT;
    Scalar pos = Scalar.ABSENT;
    Scalar tsMs = Scalar.ABSENT;
  }

  /** One pass over one record. */
  private final class Scan {
    private final byte[] b;
    private int i;
    private char[] chars = new char[64];
    private int stringStart;
    private int stringLength;
    private boolean stringAscii;

    Scan(byte[] b, int from) {
      this.b = b;
      this.i = from;
    }

    DecodeResult.Decoded record(
        boolean afterSchema, DecimalScales beforeScales, DecimalScales afterScales)
        throws Declined {
      Envelope root = new Envelope();
      if (afterSchema) {
        members(root, true, false);
      } else {
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
          throw new Declined();
        }
        members(root, true, false);
      }
      skipSpace();
      if (i != b.length) {
        throw new Declined();
      }
      ChangeEventAssembler.Header header;
      Envelope images;
      if (root.opType.kind() != 0) {
        header = goldenGateHeader(root);
        images = root;
        beforeScales = DecimalScales.NONE;
        afterScales = DecimalScales.NONE;
      } else if (root.op.kind() != 0) {
        header = debeziumHeader(root);
        images = root;
        beforeScales = DecimalScales.NONE;
        afterScales = DecimalScales.NONE;
      } else if (root.payload != null && root.payload.op.kind() != 0) {
        header = debeziumHeader(root.payload);
        images = root.payload;
      } else {
        throw new Declined();
      }
      return FundJournalImage.change(
          header, images.before, beforeScales, images.after, afterScales);
    }

    /** The members of an envelope object up to its closing brace, from a member's name. */
    private void members(Envelope e, boolean isRoot, boolean inPayload) throws Declined {
      while (true) {
        name();
        int nameStart = stringStart;
        int nameLength = stringLength;
        skipSpace();
        expect(':');
        skipSpace();
        if (is(nameStart, nameLength, OP)) {
          e.op = scalar(e.op);
        } else if (is(nameStart, nameLength, BEFORE)) {
          e.before = image(e.beforeSeen);
          e.beforeSeen = true;
        } else if (is(nameStart, nameLength, AFTER)) {
          e.after = image(e.afterSeen);
          e.afterSeen = true;
        } else if (is(nameStart, nameLength, SOURCE)) {
          if (e.source != null || peek() != '{') {
            throw new Declined();
          }
          e.source = source();
        } else if (!isRoot) {
          skipValue(1);
        } else if (is(nameStart, nameLength, OP_TYPE)) {
          e.opType = scalar(e.opType);
        } else if (is(nameStart, nameLength, TABLE)) {
          e.table = scalar(e.table);
        } else if (is(nameStart, nameLength, POS)) {
          e.pos = scalar(e.pos);
        } else if (is(nameStart, nameLength, OP_TS)) {
          e.opTs = scalar(e.opTs);
        } else if (is(nameStart, nameLength, PAYLOAD)) {
          if (e.payloadSeen || peek() != '{') {
            throw new Declined();
          }
          e.payloadSeen = true;
          e.payload = new Envelope();
          i++;
          skipSpace();
          if (peek() != '}') {
            members(e.payload, false, true);
          } else {
            i++;
          }
        } else if (is(nameStart, nameLength, SCHEMA)) {
          throw new Declined(); // only a leading, known schema is read here
        } else {
          skipValue(1);
        }
        skipSpace();
        byte c = next();
        if (c == '}') {
          return;
        }
        if (c != ',') {
          throw new Declined();
        }
        skipSpace();
      }
    }

    private Source source() throws Declined {
      Source s = new Source();
      i++; // {
      skipSpace();
      if (peek() == '}') {
        i++;
        return s;
      }
      while (true) {
        name();
        int nameStart = stringStart;
        int nameLength = stringLength;
        skipSpace();
        expect(':');
        skipSpace();
        if (is(nameStart, nameLength, TABLE)) {
          s.table = scalar(s.table);
        } else if (is(nameStart, nameLength, SCN)) {
          s.scn = scalar(s.scn);
        } else if (is(nameStart, nameLength, COMMIT_SCN)) {
          s.commitScn = scalar(s.commitScn);
        } else if (is(nameStart, nameLength, LSN)) {
          s.lsn = scalar(s.lsn);
        } else if (is(nameStart, nameLength, POS)) {
          s.pos = scalar(s.pos);
        } else if (is(nameStart, nameLength, TS_MS)) {
          s.tsMs = scalar(s.tsMs);
        } else {
          skipValue(2);
        }
        skipSpace();
        byte c = next();
        if (c == '}') {
          return s;
        }
        if (c != ',') {
          throw new Declined();
        }
        skipSpace();
      }
    }

    /** A row image (an object) or null; a repeated image member declines. */
    private FundJournalImage image(boolean seen) throws Declined {
      if (seen) {
        throw new Declined();
      }
      byte c = peek();
      if (c == 'n') {
        literal("null");
        return null;
      }
      if (c != '{') {
        throw new Declined();
      }
      i++;
      FundJournalImage image = new FundJournalImage();
      skipSpace();
      if (peek() == '}') {
        i++;
        return image;
      }
      while (true) {
        name();
        int column = FundJournalImage.columnOf(b, stringStart, stringLength);
        if (column < 0) {
          throw new Declined();
        }
        skipSpace();
        expect(':');
        skipSpace();
        c = peek();
        boolean read;
        if (c == '"') {
          i++;
          string();
          int length = decodeString();
          read = image.text(column, chars, 0, length);
        } else if (c == 'n') {
          literal("null");
          read = image.nullValue(column);
        } else {
          read = image.integer(column, integer());
        }
        if (!read) {
          throw new Declined();
        }
        skipSpace();
        c = next();
        if (c == '}') {
          return image;
        }
        if (c != ',') {
          throw new Declined();
        }
        skipSpace();
      }
    }

    /**
     * A member name, from its opening quote; declines one longer than {@link #MAX_NAME_BYTES}
     * (Jackson refuses names beyond its own, much larger, limit).
     */
    private void name() throws Declined {
      expect('"');
      string();
      if (stringLength > MAX_NAME_BYTES) {
        throw new Declined();
      }
    }

    /** A scalar member: a string, null or an integer; read once. */
    private Scalar scalar(Scalar previous) throws Declined {
      if (previous != Scalar.ABSENT) {
        throw new Declined();
      }
      byte c = peek();
      if (c == '"') {
        i++;
        string();
        return new Scalar(Scalar.STRING, stringStart, stringLength, 0);
      }
      if (c == 'n') {
        literal("null");
        return new Scalar(Scalar.NULL, 0, 0, 0);
      }
      return new Scalar(Scalar.INTEGER, 0, 0, integer());
    }

    private ChangeEventAssembler.Header goldenGateHeader(Envelope e) throws Declined {
      ChangeOp op;
      switch (singleByte(e.opType)) {
        case 'I' -> op = ChangeOp.INSERT;
        case 'U' -> op = ChangeOp.UPDATE;
        case 'D' -> op = ChangeOp.DELETE;
        default -> throw new Declined();
      }
      requireJournal(e.table);
      long position = position(e.pos);
      long opTime = 0;
      if (e.opTs.kind() != 0 && e.opTs.kind() != Scalar.NULL) {
        if (e.opTs.kind() != Scalar.STRING) {
          throw new Declined();
        }
        int length = asciiChars(e.opTs);
        LocalDateTime local = LocalTimestampText.parse(chars, 0, length);
        if (local == null) {
          throw new Declined();
        }
        opTime = goldenGate.opTimeMillis(local);
      }
      return new ChangeEventAssembler.Header(
          SourceTable.FUND_JOURNAL, op, new SourcePosition(position, opTime), opTime);
    }

    private ChangeEventAssembler.Header debeziumHeader(Envelope e) throws Declined {
      ChangeOp op;
      switch (singleByte(e.op)) {
        case 'c' -> op = ChangeOp.INSERT;
        case 'u' -> op = ChangeOp.UPDATE;
        case 'd' -> op = ChangeOp.DELETE;
        case 'r' -> op = ChangeOp.SNAPSHOT;
        default -> throw new Declined();
      }
      Source s = e.source;
      if (s == null) {
        throw new Declined();
      }
      requireJournal(s.table);
      Scalar positionMember =
          present(s.scn)
              ? s.scn
              : present(s.commitScn) ? s.commitScn : present(s.lsn) ? s.lsn : s.pos;
      long position = position(positionMember);
      long sourceTime = present(s.tsMs) ? position(s.tsMs) : 0;
      return new ChangeEventAssembler.Header(
          SourceTable.FUND_JOURNAL, op, new SourcePosition(position, sourceTime), sourceTime);
    }

    /** The table member names FUND_JOURNAL, or is absent or null (the topic's table then). */
    private void requireJournal(Scalar table) throws Declined {
      if (!present(table)) {
        return;
      }
      if (table.kind() != Scalar.STRING
          || !(is(table.start(), table.length(), FUND_JOURNAL)
              || is(table.start(), table.length(), CTS_FUND_JOURNAL))) {
        throw new Declined();
      }
    }

    /** {@link NumberText#position} of the member: a non-negative integer or digit string. */
    private long position(Scalar s) throws Declined {
      if (s.kind() == Scalar.INTEGER && s.number() >= 0) {
        return s.number();
      }
      if (s.kind() != Scalar.STRING || s.length() == 0) {
        throw new Declined();
      }
      long value = 0;
      for (int k = s.start(); k < s.start() + s.length(); k++) {
        int digit = b[k] - '0';
        if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
          throw new Declined();
        }
        value = value * 10 + digit;
      }
      return value;
    }

    private int singleByte(Scalar s) throws Declined {
      if (s.kind() != Scalar.STRING || s.length() != 1) {
        throw new Declined();
      }
      return b[s.start()];
    }

    private static boolean present(Scalar s) {
      return s.kind() != 0 && s.kind() != Scalar.NULL;
    }

    /** Copies an ASCII string member into {@link #chars}; declines on any other byte. */
    private int asciiChars(Scalar s) throws Declined {
      ensureChars(s.length());
      for (int k = 0; k < s.length(); k++) {
        byte c = b[s.start() + k];
        if (c < 0) {
          throw new Declined();
        }
        chars[k] = (char) c;
      }
      return s.length();
    }

    /** Decodes the string just scanned into {@link #chars}; returns its length in chars. */
    private int decodeString() {
      ensureChars(stringLength);
      int end = stringStart + stringLength;
      int n = 0;
      if (stringAscii) {
        for (int k = stringStart; k < end; k++) {
          chars[n++] = (char) b[k];
        }
        return n;
      }
      for (int k = stringStart; k < end; ) {
        int c = b[k] & 0xFF;
        if (c < 0x80) {
          chars[n++] = (char) c;
          k++;
        } else if (c < 0xE0) {
          chars[n++] = (char) (((c & 0x1F) << 6) | (b[k + 1] & 0x3F));
          k += 2;
        } else if (c < 0xF0) {
          chars[n++] = (char) (((c & 0x0F) << 12) | ((b[k + 1] & 0x3F) << 6) | (b[k + 2] & 0x3F));
          k += 3;
        } else {
          int cp =
              ((c & 0x07) << 18)
                  | ((b[k + 1] & 0x3F) << 12)
                  | ((b[k + 2] & 0x3F) << 6)
                  | (b[k + 3] & 0x3F);
          chars[n++] = Character.highSurrogate(cp);
          chars[n++] = Character.lowSurrogate(cp);
          k += 4;
        }
      }
      return n;
    }

    private void ensureChars(int length) {
      if (chars.length < length) {
        chars = new char[length];
      }
    }

    /**
     * Scans a string whose opening quote is behind {@link #i}, up to and past its closing quote;
     * sets {@link #stringStart}, {@link #stringLength}, {@link #stringAscii}. Declines an escape, a
     * control character or ill-formed UTF-8 (no overlong forms, surrogates or code points beyond
     * U+10FFFF).
     */
    private void string() throws Declined {
      int start = i;
      boolean ascii = true;
      byte[] bytes = b;
      int n = bytes.length;
      int k = start;
      while (true) {
        // Most bytes are plain ASCII: one table look-up each until a byte that needs a look.
        while (k < n && PLAIN[bytes[k] & 0xFF]) {
          k++;
        }
        if (k >= n) {
          throw new Declined();
        }
        int c = bytes[k] & 0xFF;
        if (c == '"') {
          break;
        }
        if (c < 0x80) {
          throw new Declined(); // a backslash or a control character
        }
        ascii = false;
        k = utf8(bytes, k, c);
      }
      stringStart = start;
      stringLength = k - start;
      stringAscii = ascii;
      i = k + 1;
    }

    /** The index after the well-formed UTF-8 sequence that starts with lead byte c at k. */
    private int utf8(byte[] bytes, int k, int c) throws Declined {
      int n = bytes.length;
      if (c >= 0xC2 && c <= 0xDF) {
        if (k + 1 < n && continuation(bytes[k + 1])) {
          return k + 2;
        }
      } else if (c >= 0xE0 && c <= 0xEF) {
        if (k + 2 < n) {
          int c1 = bytes[k + 1] & 0xFF;
          boolean secondOk =
              c == 0xE0
                  ? c1 >= 0xA0 && c1 <= 0xBF
                  : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F : continuation(bytes[k + 1]);
          if (secondOk && continuation(bytes[k + 2])) {
            return k + 3;
          }
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        if (k + 3 < n) {
          int c1 = bytes[k + 1] & 0xFF;
          boolean secondOk =
              c == 0xF0
                  ? c1 >= 0x90 && c1 <= 0xBF
                  : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F : continuation(bytes[k + 1]);
          if (secondOk && continuation(bytes[k + 2]) && continuation(bytes[k + 3])) {
            return k + 4;
          }
        }
      }
      throw new Declined();
    }

    private boolean continuation(byte c) {
      return (c & 0xC0) == 0x80;
    }

    /**
     * A JSON integer: optional minus, no leading zero, at most 18 digits, not followed by a
     * fraction or an exponent.
     */
    private long integer() throws Declined {
      boolean negative = peek() == '-';
      if (negative) {
        i++;
      }
      byte c = peek();
      long value;
      if (c == '0') {
        i++;
        value = 0;
      } else if (c >= '1' && c <= '9') {
        value = 0;
        int digits = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
          if (++digits > MAX_DIGITS) {
            throw new Declined();
          }
          value = value * 10 + (b[i] - '0');
          i++;
        }
      } else {
        throw new Declined();
      }
      if (i < b.length && (b[i] == '.' || b[i] == 'e' || b[i] == 'E' || isDigit(b[i]))) {
        throw new Declined();
      }
      return negative ? -value : value;
    }

    private boolean isDigit(byte c) {
      return c >= '0' && c <= '9';
    }

    /** Steps over any value of the accepted subset. */
    private void skipValue(int depth) throws Declined {
      if (depth > MAX_DEPTH) {
        throw new Declined();
      }
      byte c = peek();
      switch (c) {
        case '"' -> {
          i++;
          string();
        }
        case '{' -> skipContainer(depth, '}', true);
        case '[' -> skipContainer(depth, ']', false);
        case 't' -> literal("true");
        case 'f' -> literal("false");
        case 'n' -> literal("null");
        default -> integer();
      }
    }

    private void skipContainer(int depth, char close, boolean object) throws Declined {
      i++;
      skipSpace();
      if (peek() == close) {
        i++;
        return;
      }
      while (true) {
        if (object) {
          name();
          skipSpace();
          expect(':');
          skipSpace();
        }
        skipValue(depth + 1);
        skipSpace();
        byte c = next();
        if (c == close) {
          return;
        }
        if (c != ',') {
          throw new Declined();
        }
        skipSpace();
      }
    }

    private void literal(String word) throws Declined {
      if (i + word.length() > b.length) {
        throw new Declined();
      }
      for (int k = 0; k < word.length(); k++) {
        if (b[i + k] != word.charAt(k)) {
          throw new Declined();
        }
      }
      i += word.length();
    }

    private boolean is(int start, int length, byte[] name) {
      if (length != name.length) {
        return false;
      }
      for (int k = 0; k < length; k++) {
        if (b[start + k] != name[k]) {
          return false;
        }
      }
      return true;
    }

    private void skipSpace() {
      while (i < b.length) {
        byte c = b[i];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        i++;
      }
    }

    private void expect(char c) throws Declined {
      if (next() != c) {
        throw new Declined();
      }
    }

    private byte next() throws Declined {
      if (i >= b.length) {
        throw new Declined();
      }
      return b[i++];
    }

    private byte peek() throws Declined {
      if (i >= b.length) {
        throw new Declined();
      }
      return b[i];
    }
  }

  private static boolean[] plainStringBytes() {
    boolean[] plain = new boolean[256];
    for (int c = 0x20; c < 0x80; c++) {
      plain[c] = c != '"' && c != '\\';
    }
    return plain;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
