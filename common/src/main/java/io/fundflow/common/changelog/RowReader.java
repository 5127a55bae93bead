package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Base64;

/**
 * Reads the typed columns of one row image and keeps the first problem it meets.
 *
 * <p>Bad values are expected input, not errors: instead of throwing, a read that fails records a
 * {@link Rejection} and returns a placeholder (null, 0, false); every later read is skipped. The
 * mapping checks {@link #failed()} before it builds the record. Columns are read in priority order
 * (key columns first), so the rejection names the most important problem.
 */
final class RowReader {

  /** Business times are Asia/Shanghai local time (SPEC §5). */
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static final ZoneRules SHANGHAI_RULES = SHANGHAI.getRules();

  /** NUMBER(19,2): at most 17 digits before the point. */
  private static final int MONEY_INTEGER_DIGITS = 17;

  private static final int MONEY_SCALE = 2;

  /** An 8-byte unscaled value already exceeds NUMBER(19,2); 16 leaves room for sign padding. */
  private static final int MAX_DECIMAL_BYTES = 16;

  private static final int MAX_VARIABLE_SCALE = 38;

  private static final int MAX_SHOWN_VALUE = 80;

  /*
   * Epoch numbers carry no unit, so the magnitude tells it: 1e14 ms is the year 5138, while 1e14 µs
   * is 1973 — any plausible journal time in micros exceeds 1e14, and in millis stays below it. The
   * same argument one step up separates micros from nanos at 1e17.
   */
  private static final long MICROS_ABOVE = 100_000_000_000_000L;
  private static final long NANOS_ABOVE = 100_000_000_000_000_000L;

  private final SourceTable table;
  private final String image;
  private final JsonNode row;
  private final DecimalScales scales;
  private Rejection problem;

  /**
   * @param table the table the row belongs to, for messages
   * @param image {@code before} or {@code after}, for messages
   * @param row the image: a JSON object
   * @param scales the Decimal scales the schema wrapper declares for this image
   */
  RowReader(SourceTable table, String image, JsonNode row, DecimalScales scales) {
    this.table = table;
    this.image = image;
    this.row = row;
    this.scales = scales;
  }

  /** True once a read has failed. */
  boolean failed() {
    return problem != null;
  }

  /** The first problem met, or null. */
  Rejection problem() {
    return problem;
  }

  /**
   * A code or identifier (CHAR or VARCHAR2 key-like column), trimmed: CHAR columns arrive
   * space-padded. Empty reads as null, as Oracle stores '' as NULL.
   */
  String code(String column, ColumnPresence presence) {
    return string(column, presence, true);
  }

  /** Free text (names, remarks), as sent. Empty reads as null, as Oracle stores '' as NULL. */
  String text(String column, ColumnPresence presence) {
    return string(column, presence, false);
  }

  /** An integral NUMBER column within [min, max]; 0 when it fails. */
  long integer(String column, ColumnPresence presence, long min, long max) {
    JsonNode v = value(column, presence);
    return v == null ? 0 : integerValue(column, v, min, max);
  }

  private long integerValue(String column, JsonNode v, long min, long max) {
    long n;
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) {
        return outOfRange(column, v, min, max);
      }
      n = v.longValue();
    } else if (v.isTextual() && NumberText.isLong(v.textValue().trim())) {
      n = Long.parseLong(v.textValue().trim());
    } else {
      BigDecimal d = decimalOf(v);
      if (d == null) {
        return fail(RejectReason.WRONG_TYPE, column, v, "is not an integer");
      }
      if (d.signum() == 0) {
        return 0;
      }
      if (d.precision() - d.scale() > 19) {
        return outOfRange(column, v, min, max);
      }
      d = d.stripTrailingZeros();
      if (d.scale() > 0) {
        return fail(RejectReason.WRONG_TYPE, column, v, "is not an integer");
      }
      if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
        return outOfRange(column, v, min, max);
      }
      n = d.longValue();
    }
    return n < min || n > max ? outOfRange(column, v, min, max) : n;
  }

  /** A yyyymmdd NUMBER(8) date that exists in the calendar; 0 when it fails. */
  int yyyymmdd(String column, ColumnPresence presence) {
    JsonNode v = value(column, presence);
    if (v == null) {
      return 0;
    }
    long n = integerValue(column, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (problem != null) {
      return 0;
    }
    if (!isRealDate(n)) {
      fail(RejectReason.BAD_DATE, column, v, "is not a real yyyymmdd date");
      return 0;
    }
    return (int) n;
  }

  /** True when {@code n} read as yyyymmdd is a date of the calendar, years 1000 to 9999. */
  static boolean isRealDate(long n) {
    int year = (int) (n / 10_000);
    int month = (int) (n / 100 % 100);
    int day = (int) (n % 100);
    return n >= 10_000_101
        && n <= 99_991_231
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year));
  }

  /**
   * A money column, NUMBER(19,2): an exact decimal with at most 2 decimals, returned at scale 2.
   * Accepts a JSON number (read as BigDecimal, never double), a numeric string, a Debezium {@code
   * precise} base64 value when the schema gives its scale, and a Debezium VariableScaleDecimal
   * object {@code {"scale":…,"value":base64}}.
   */
  BigDecimal money(String column, ColumnPresence presence) {
    JsonNode v = value(column, presence);
    if (v == null) {
      return null;
    }
    BigDecimal d;
    if (v.isNumber()) {
      if (!v.isIntegralNumber() && !v.isBigDecimal()) {
        // Cannot happen with USE_BIG_DECIMAL_FOR_FLOATS; refuse rather than trust a double.
        fail(RejectReason.WRONG_TYPE, column, v, "is a binary floating-point number");
        return null;
      }
      d = v.decimalValue();
    } else if (v.isTextual()) {
      d = decimalText(column, v);
    } else if (v.isObject()) {
      d = variableScaleDecimal(column, v);
    } else {
      fail(RejectReason.WRONG_TYPE, column, v, "is not a decimal number");
      return null;
    }
    return d == null ? null : toMoney(column, v, d);
  }

  /**
   * A TIMESTAMP column as Asia/Shanghai local time: epoch millis, micros or nanos (as a JSON number
   * or digit string, unit told by magnitude), or local-time text.
   */
  LocalDateTime timestamp(String column, ColumnPresence presence) {
    JsonNode v = value(column, presence);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) {
        fail(RejectReason.BAD_DATE, column, v, "is beyond any epoch time");
        return null;
      }
      return fromEpoch(v.longValue());
    }
    if (v.isTextual()) {
      String t = v.textValue().trim();
      if (NumberText.isLong(t)) {
        return fromEpoch(Long.parseLong(t));
      }
      LocalDateTime parsed = LocalTimestampText.parse(t);
      if (parsed == null) {
        if (LocalTimestampText.hasShape(t)) {
          fail(RejectReason.BAD_DATE, column, v, "is a date-time that does not exist");
        } else {
          fail(
              RejectReason.WRONG_TYPE,
              column,
              v,
              "is neither epoch millis/micros nor yyyy-MM-dd HH:mm:ss[.ffffff]");
        }
      }
      return parsed;
    }
    fail(RejectReason.WRONG_TYPE, column, v, "is not a timestamp");
    return null;
  }

  /** An enum column by its code, trimmed; null when it fails. */
  <E extends Enum<E>> E enumValue(String column, ColumnPresence presence, EnumCodes<E> codes) {
    String code = string(column, presence, true);
    if (code == null) {
      return null;
    }
    E found = codes.find(code);
    if (found == null) {
      fail(RejectReason.BAD_VALUE, column, row.get(column), "is not one of " + codes.allowed());
    }
    return found;
  }

  /** A 'Y'/'N' flag; false when it fails. */
  boolean yesNo(String column, ColumnPresence presence) {
    String code = string(column, presence, true);
    if (code == null) {
      return false;
    }
    if (code.equals("Y")) {
      return true;
    }
    if (!code.equals("N")) {
      fail(RejectReason.BAD_VALUE, column, row.get(column), "is not Y or N");
    }
    return false;
  }

  /** An integer that must lie in an allowed set [min, max] (a level, not a type range). */
  int level(String column, ColumnPresence presence, int min, int max) {
    JsonNode v = value(column, presence);
    if (v == null) {
      return 0;
    }
    long n = integerValue(column, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (problem == null && (n < min || n > max)) {
      fail(RejectReason.BAD_VALUE, column, v, "is not in " + min + ".." + max);
      return 0;
    }
    return (int) n;
  }

  private String string(String column, ColumnPresence presence, boolean trim) {
    JsonNode v = value(column, presence);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      fail(RejectReason.WRONG_TYPE, column, v, "is not text");
      return null;
    }
    String s = trim ? v.textValue().trim() : v.textValue();
    if (s.isEmpty()) {
      missing(column, presence);
      return null;
    }
    return s;
  }

  /**
   * The column's value, or null when it is absent or null (recording MISSING_* if it is needed).
   */
  private JsonNode value(String column, ColumnPresence presence) {
    if (problem != null) {
      return null;
    }
    JsonNode v = row.get(column);
    if (v == null || v.isNull()) {
      missing(column, presence);
      return null;
    }
    return v;
  }

  private void missing(String column, ColumnPresence presence) {
    if (presence == ColumnPresence.KEY) {
      problem =
          new Rejection(
              RejectReason.MISSING_KEY, where(column) + " (key column) is missing or null");
    } else if (presence == ColumnPresence.REQUIRED) {
      problem = new Rejection(RejectReason.MISSING_COLUMN, where(column) + " is missing or null");
    }
  }

  private BigDecimal decimalText(String column, JsonNode v) {
    String t = v.textValue().trim();
    int scale = scales.scaleOf(column);
    if (scale >= 0 && NumberText.isBase64(t)) {
      return unscaledBytes(column, v, t, scale);
    }
    if (NumberText.isDecimal(t)) {
      return new BigDecimal(t);
    }
    if (NumberText.isBase64(t)) {
      String why =
          scale == DecimalScales.SCALE_MISSING
              ? "looks like a Debezium precise decimal (base64), but the schema gives no scale"
                  + " parameter for it"
              : "looks like a Debezium precise decimal (base64), but its scale is missing: no"
                  + " schema wrapper declares it (enable schemas, or use"
                  + " decimal.handling.mode=string)";
      fail(RejectReason.BAD_DECIMAL, column, v, why);
      return null;
    }
    fail(RejectReason.WRONG_TYPE, column, v, "is not a decimal number");
    return null;
  }

  private BigDecimal variableScaleDecimal(String column, JsonNode v) {
    JsonNode scaleNode = v.get("scale");
    JsonNode valueNode = v.get("value");
    if (scaleNode == null
        || !scaleNode.isIntegralNumber()
        || !scaleNode.canConvertToInt()
        || Math.abs(scaleNode.intValue()) > MAX_VARIABLE_SCALE
        || valueNode == null
        || !valueNode.isTextual()
        || !NumberText.isBase64(valueNode.textValue())) {
      fail(
          RejectReason.WRONG_TYPE,
          column,
          v,
          "is an object but not a VariableScaleDecimal {\"scale\":int,\"value\":base64}");
      return null;
    }
    return unscaledBytes(column, v, valueNode.textValue(), scaleNode.intValue());
  }

  private BigDecimal unscaledBytes(String column, JsonNode v, String base64, int scale) {
    // Base64 length 4k holds up to 3k bytes: refuse before decoding what cannot fit NUMBER(19,2).
    if (base64.length() > MAX_DECIMAL_BYTES / 3 * 4 + 4) {
      fail(RejectReason.BAD_DECIMAL, column, v, "is too large for NUMBER(19,2)");
      return null;
    }
    byte[] bytes = Base64.getDecoder().decode(base64);
    if (bytes.length == 0 || bytes.length > MAX_DECIMAL_BYTES) {
      fail(RejectReason.BAD_DECIMAL, column, v, "does not hold 1.." + MAX_DECIMAL_BYTES + " bytes");
      return null;
    }
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  private BigDecimal toMoney(String column, JsonNode v, BigDecimal d) {
    if (d.signum() == 0) {
      return BigDecimal.ZERO.setScale(MONEY_SCALE);
    }
    // Checked before any rescaling: 1E+999999999 must not be inflated into a huge integer.
    if (d.precision() - d.scale() > MONEY_INTEGER_DIGITS) {
      fail(RejectReason.BAD_DECIMAL, column, v, "is out of range for NUMBER(19,2)");
      return null;
    }
    if (d.scale() > MONEY_SCALE) {
      d = d.stripTrailingZeros();
      if (d.scale() > MONEY_SCALE) {
        fail(RejectReason.BAD_DECIMAL, column, v, "has more than 2 decimals");
        return null;
      }
    }
    return d.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal decimalOf(JsonNode v) {
    if (v.isBigDecimal()) {
      return v.decimalValue();
    }
    if (v.isTextual()) {
      String t = v.textValue().trim();
      return NumberText.isDecimal(t) ? new BigDecimal(t) : null;
    }
    return null;
  }

  /** Epoch millis, micros or nanos (told by magnitude) as Asia/Shanghai local time. */
  static LocalDateTime fromEpoch(long n) {
    long unitsPerSecond;
    if (n > NANOS_ABOVE || n < -NANOS_ABOVE) {
      unitsPerSecond = 1_000_000_000L;
    } else if (n > MICROS_ABOVE || n < -MICROS_ABOVE) {
      unitsPerSecond = 1_000_000L;
    } else {
      unitsPerSecond = 1_000L;
    }
    long seconds = Math.floorDiv(n, unitsPerSecond);
    int nanos = (int) (Math.floorMod(n, unitsPerSecond) * (1_000_000_000L / unitsPerSecond));
    return LocalDateTime.ofEpochSecond(
        seconds, nanos, SHANGHAI_RULES.getOffset(Instant.ofEpochSecond(seconds)));
  }

  private long outOfRange(String column, JsonNode v, long min, long max) {
    return fail(RejectReason.WRONG_TYPE, column, v, "is out of range " + min + ".." + max);
  }

  private long fail(RejectReason reason, String column, JsonNode v, String why) {
    if (problem == null) {
      problem = new Rejection(reason, where(column) + " = " + shown(v) + " " + why);
    }
    return 0;
  }

  private String where(String column) {
    return table + " " + image + "." + column;
  }

  /** The offending value as an operator would want to see it, cut short when long. */
  static String shown(JsonNode v) {
    String s = v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString();
    return s.length() <= MAX_SHOWN_VALUE
        ? s
        : s.substring(0, MAX_SHOWN_VALUE) + "…(" + s.length() + " chars)";
  }
}
