package io.fundflow.common.codec;

import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * A stored fund flow's JSON read in place: where each field's value lies in the bytes, without
 * building a {@link FundFlow}. For readers that copy fields out rather than compute with them (the
 * query API writes a page of them as JSON again), so no {@code BigDecimal}, {@code LocalDateTime}
 * or record is made per row.
 *
 * <p>Only the layout {@link FundFlowJson#encode} writes is read in place: fields in its order, no
 * whitespace, optional fields omitted rather than null. {@link #of} refuses anything else; {@link
 * #read} decodes it and encodes it again first. String values stay escaped as stored ({@link
 * #start}, {@link #end}), which is how Jackson's generator escapes them too ({@link JsonBytes}).
 */
public final class FundFlowJsonView {

  /** A value's JSON type as {@link FundFlowJson#encode} writes it. */
  private enum Kind {
    INT,
    LONG,
    STRING,
    BOOLEAN
  }

  /** The fields of a stored flow, in the order {@link FundFlowJson#encode} writes them. */
  public enum Field {
    INIT_DATE("initDate", Kind.INT, true),
    SERIAL_NO("serialNo", Kind.LONG, true),
    OCCUR_TIME("occurTime", Kind.STRING, true),
    CLIENT_ID("clientId", Kind.STRING, true),
    FUND_ACCOUNT("fundAccount", Kind.STRING, true),
    BRANCH_NO("branchNo", Kind.INT, true),
    MONEY_TYPE("moneyType", Kind.STRING, true),
    BUSINESS_FLAG("businessFlag", Kind.INT, true),
    AMOUNT("amount", Kind.STRING, true),
    POST_BALANCE("postBalance", Kind.STRING, true),
    CHANNEL("channel", Kind.STRING, false),
    REMARK("remark", Kind.STRING, false),
    CATEGORY("category", Kind.STRING, true),
    DIRECTION("direction", Kind.STRING, true),
    SIGN_MISMATCH("signMismatch", Kind.BOOLEAN, true),
    CUSTOMER_BRANCH_NO("customerBranchNo", Kind.INT, false),
    RISK_LEVEL("riskLevel", Kind.INT, false),
    KEY_CLIENT("keyClient", Kind.BOOLEAN, false),
    CLIENT_NAME("clientName", Kind.STRING, false),
    CHANNEL_NAME("channelName", Kind.STRING, false);

    private final byte[] encodedName;
    private final Kind kind;
    private final boolean required;

    Field(String name, Kind kind, boolean required) {
      this.encodedName = JsonBytes.name(name);
      this.kind = kind;
      this.required = required;
    }

    /** {@code "name":} as the cell has it; the encoder's, read only (no copy per record). */
    byte[] encodedName() {
      return encodedName;
    }
  }

  private static final Field[] FIELDS = Field.values();
  // The constants once: values() copies its array on every call.
  private static final MoneyType[] MONEY_TYPE_VALUES = MoneyType.values();
  private static final Category[] CATEGORY_VALUES = Category.values();
  private static final Direction[] DIRECTION_VALUES = Direction.values();
  private static final byte[][] MONEY_TYPES = names(MONEY_TYPE_VALUES);
  private static final byte[][] CATEGORIES = names(CATEGORY_VALUES);
  private static final byte[][] DIRECTIONS = names(DIRECTION_VALUES);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private final byte[] json;

  /** Per field: its value's first byte (inside the quotes for a string), -1 when absent. */
  private final int[] starts = new int[FIELDS.length];

  /** Per field: one past its value's last byte (the closing quote for a string). */
  private final int[] ends = new int[FIELDS.length];

  /** Per number field: its value. */
  private final long[] numbers = new long[FIELDS.length];

  /** Per string field: true when its value has a backslash escape. */
  private final boolean[] escaped = new boolean[FIELDS.length];

  private MoneyType moneyType;
  private Category category;
  private Direction direction;

  private FundFlowJsonView(byte[] json) {
    this.json = json;
  }

  /**
   * The view of bytes in {@link FundFlowJson#encode}'s layout, or empty when they are in any other
   * layout or not a flow at all (a caller that must tell the two apart uses {@link #read}).
   */
  public static Optional<FundFlowJsonView> of(byte[] json) {
    FundFlowJsonView v = new FundFlowJsonView(json);
    return v.parse() ? Optional.of(v) : Optional.empty();
  }

  /**
   * The view of any flow JSON {@link FundFlowJson#decode} reads: in place when the bytes are in
   * {@link FundFlowJson#encode}'s layout, else of the flow decoded and encoded again (a cell
   * written by another version, with fields in another order or unknown ones).
   *
   * @throws IllegalArgumentException when the bytes are not a fund flow, as decode does
   */
  public static FundFlowJsonView read(byte[] json) {
    return of(json)
        .or(() -> of(FundFlowJson.encode(FundFlowJson.decode(json))))
        .orElseThrow(() -> new IllegalStateException("encode's own layout was not read back"));
  }

  /**
   * The flow itself, built from the fields in place: what {@link FundFlowJson#decode} returns for
   * these bytes, without a JSON parser.
   *
   * @throws IllegalArgumentException when a value does not read as the flow's: a time or amount
   *     that is not one, a string that is not valid UTF-8, a flow its constructor refuses
   */
  public FundFlow flow() {
    try {
      return new FundFlow(
          initDate(),
          serialNo(),
          FundFlowJson.localDateTime(text(Field.OCCUR_TIME, true)),
          text(Field.CLIENT_ID, true),
          text(Field.FUND_ACCOUNT, true),
          branchNo(),
          moneyType,
          businessFlag(),
          money(Field.AMOUNT),
          money(Field.POST_BALANCE),
          text(Field.CHANNEL, true),
          text(Field.REMARK, true),
          category,
          direction,
          numbers[Field.SIGN_MISMATCH.ordinal()] != 0,
          customerBranchNo(),
          has(Field.RISK_LEVEL) ? (int) numbers[Field.RISK_LEVEL.ordinal()] : null,
          has(Field.KEY_CLIENT) ? numbers[Field.KEY_CLIENT.ordinal()] != 0 : null,
          text(Field.CLIENT_NAME, true),
          text(Field.CHANNEL_NAME, true));
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("not a fund flow: " + e.getMessage(), e);
    }
  }

  /** The JSON bytes this view reads. */
  public byte[] bytes() {
    return json;
  }

  /** True when the field is present (required fields always are). */
  public boolean has(Field f) {
    return starts[f.ordinal()] >= 0;
  }

  /**
   * Where the field's value starts in {@link #bytes}: a number's sign or first digit, a string's
   * first byte after its quote; -1 when absent.
   */
  public int start(Field f) {
    return starts[f.ordinal()];
  }

  /** One past the field's value in {@link #bytes}: a string's closing quote. */
  public int end(Field f) {
    return ends[f.ordinal()];
  }

  /** True when the string field's stored value has a backslash escape. */
  public boolean escaped(Field f) {
    return escaped[f.ordinal()];
  }

  /** A string field's value, unescaped; null when absent. */
  public String text(Field f) {
    return text(f, false);
  }

  /**
   * A string field's value, unescaped; null when absent. Strict: bytes that are not valid UTF-8 are
   * refused (as a JSON parser refuses them) rather than read as U+FFFD.
   */
  private String text(Field f, boolean strict) {
    int i = f.ordinal();
    int s = starts[i];
    if (s < 0) {
      return null;
    }
    int len = ends[i] - s;
    String raw;
    if (!strict) {
      raw = new String(json, s, len, StandardCharsets.UTF_8);
    } else if (isAscii(s, len)) {
      raw = new String(json, s, len, StandardCharsets.ISO_8859_1);
    } else {
      try {
        raw = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json, s, len)).toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(f + " is not valid UTF-8", e);
      }
    }
    return escaped[i] ? unescape(raw) : raw;
  }

  private boolean isAscii(int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (json[k] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * An amount's exact value: {@code [-]digits[.digits]} with at most 18 digits straight from the
   * bytes (what {@code new BigDecimal(text)} gives), any other text through that constructor.
   */
  private BigDecimal money(Field f) {
    int i = f.ordinal();
    int s = starts[i];
    int e = ends[i];
    int p = s < e && json[s] == '-' ? s + 1 : s;
    long unscaled = 0;
    int digits = 0;
    int scale = -1; // digits after the point; -1 before it
    for (int k = p; k < e; k++) {
      byte c = json[k];
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0 && digits > 0) {
        scale = 0;
      } else {
        digits = 0; // anything else: the constructor decides
        break;
      }
    }
    if (digits == 0 || digits > 18 || scale == 0) {
      return new BigDecimal(text(f, true));
    }
    return BigDecimal.valueOf(p > s ? -unscaled : unscaled, Math.max(scale, 0));
  }

  public int initDate() {
    return (int) numbers[Field.INIT_DATE.ordinal()];
  }

  public long serialNo() {
    return numbers[Field.SERIAL_NO.ordinal()];
  }

  public int branchNo() {
    return (int) numbers[Field.BRANCH_NO.ordinal()];
  }

  public int businessFlag() {
    return (int) numbers[Field.BUSINESS_FLAG.ordinal()];
  }

  /** The customer's branch from the CUSTOMER dimension, null when the dimension row was absent. */
  public Integer customerBranchNo() {
    return has(Field.CUSTOMER_BRANCH_NO)
        ? (int) numbers[Field.CUSTOMER_BRANCH_NO.ordinal()]
        : null;
  }

  public MoneyType moneyType() {
    return moneyType;
  }

  public Category category() {
    return category;
  }

  public Direction direction() {
    return direction;
  }

  /** Reads the fields in encode's order; false at the first byte that is not in its layout. */
  private boolean parse() {
    byte[] b = json;
    if (b.length < 2 || b[0] != '{') {
      return false;
    }
    int p = 1; // at the name of the first field, then at the ',' or '}' after each value
    boolean first = true;
    for (Field f : FIELDS) {
      int i = f.ordinal();
      int at = first ? p : p + 1;
      boolean present =
          (first || (p < b.length && b[p] == ',')) && startsWith(b, at, f.encodedName);
      if (!present) {
        if (f.required) {
          return false;
        }
        starts[i] = -1;
        ends[i] = -1;
        continue;
      }
      int v = at + f.encodedName.length;
      p =
          switch (f.kind) {
            case INT, LONG -> number(b, v, i, f.kind == Kind.INT);
            case STRING -> string(b, v, i);
            case BOOLEAN -> bool(b, v, i);
          };
      if (p < 0) {
        return false;
      }
      first = false;
    }
    if (p != b.length - 1 || b[p] != '}') {
      return false;
    }
    moneyType = match(MONEY_TYPE_VALUES, MONEY_TYPES, Field.MONEY_TYPE);
    category = match(CATEGORY_VALUES, CATEGORIES, Field.CATEGORY);
    direction = match(DIRECTION_VALUES, DIRECTIONS, Field.DIRECTION);
    return moneyType != null && category != null && direction != null;
  }

  /** An integer without sign '+', leading zeros, fraction or exponent; the index past it, or -1. */
  private int number(byte[] b, int p, int field, boolean isInt) {
    int i = p;
    boolean negative = i < b.length && b[i] == '-';
    if (negative) {
      i++;
    }
    int digitsFrom = i;
    while (i < b.length && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    int digits = i - digitsFrom;
    if (digits == 0 || (digits > 1 && b[digitsFrom] == '0')) {
      return -1;
    }
    long v;
    if (digits <= 18) { // below 10^18: no overflow, and no check per digit
      v = 0;
      for (int k = digitsFrom; k < i; k++) {
        v = v * 10 + (b[k] - '0');
      }
      v = negative ? -v : v;
    } else {
      try { // 19 digits or more: rare; the JDK decides what fits a long
        v = Long.parseLong(new String(b, p, i - p, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    if (isInt && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      return -1;
    }
    starts[field] = p;
    ends[field] = i;
    numbers[field] = v;
    return i;
  }

  /** A string with valid escapes and no raw control characters; the index past its quote, or -1. */
  private int string(byte[] b, int p, int field) {
    if (p >= b.length || b[p] != '"') {
      return -1;
    }
    boolean hasEscape = false;
    int i = p + 1;
    while (i < b.length) {
      byte c = b[i];
      if (c == '"') {
        starts[field] = p + 1;
        ends[field] = i;
        escaped[field] = hasEscape;
        return i + 1;
      }
      if (c == '\\') {
        int len = escapeLength(b, i);
        if (len < 0) {
          return -1;
        }
        hasEscape = true;
        i += len;
      } else if (c >= 0 && c < 0x20) {
        return -1;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The length of the escape at {@code i} (a backslash), or -1 when it is not a JSON escape. */
  private static int escapeLength(byte[] b, int i) {
    if (i + 1 >= b.length) {
      return -1;
    }
    return switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> 2;
      case 'u' -> {
        if (i + 5 >= b.length) {
          yield -1;
        }
        for (int k = i + 2; k < i + 6; k++) {
          if (Character.digit(b[k], 16) < 0) {
            yield -1;
          }
        }
        yield 6;
      }
      default -> -1;
    };
  }

  private int bool(byte[] b, int p, int field) {
    int end;
    if (startsWith(b, p, TRUE)) {
      end = p + TRUE.length;
      numbers[field] = 1;
    } else if (startsWith(b, p, FALSE)) {
      end = p + FALSE.length;
      numbers[field] = 0;
    } else {
      return -1;
    }
    starts[field] = p;
    ends[field] = end;
    return end;
  }

  private <E extends Enum<E>> E match(E[] constants, byte[][] names, Field f) {
    int s = starts[f.ordinal()];
    int len = ends[f.ordinal()] - s;
    for (int k = 0; k < names.length; k++) {
      if (names[k].length == len && startsWith(json, s, names[k])) {
        return constants[k];
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (at + prefix.length > b.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (b[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /** Each constant's name as ASCII bytes, by ordinal. */
  private static byte[][] names(Enum<?>[] constants) {
    byte[][] out = new byte[constants.length][];
    for (Enum<?> c : constants) {
      out[c.ordinal()] = c.name().getBytes(StandardCharsets.US_ASCII);
    }
    return out;
  }

  /** A JSON string's content with its escapes resolved; the escapes were checked by the parse. */
  private static String unescape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = raw.charAt(++i);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(raw, i + 1, i + 5, 16));
          i += 4;
        }
        default -> out.append(e); // " \ /
      }
    }
    return out.toString();
  }
}
