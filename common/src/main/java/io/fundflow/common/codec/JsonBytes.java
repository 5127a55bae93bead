package io.fundflow.common.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * Writes one JSON object as UTF-8 into a growable byte array, byte for byte as Jackson's default
 * {@code JsonFactory} generator writes the same calls.
 *
 * <p>Why not Jackson: the encoders run once per flow and per summary in the stream and in the
 * nightly correction, and creating a generator, {@code LocalDateTime.toString()}, {@code
 * BigDecimal.toPlainString()} and the stream's copy were a tenth of the job's CPU. Why byte for
 * byte: the stream and the batch must write identical HBase cells, and the cells already in HBase
 * were written by Jackson. The rules below are Jackson 2.x's defaults, each pinned by {@code
 * JsonBytesTest} against Jackson itself:
 *
 * <ul>
 *   <li>{@code "} and {@code \} are escaped with a backslash, {@code \b \t \n \f \r} by their short
 *       forms, every other char below U+0020 as <code>&#92;u00XX</code> (upper-case hex); {@code /}, DEL and
 *       all other chars are not escaped;
 *   <li>chars up to U+FFFF are written as 1 to 3 UTF-8 bytes, except surrogates: Jackson does not
 *       combine a pair into one 4-byte sequence but writes each surrogate char, paired or lone, as
 *       a <code>&#92;uXXXX</code> escape (upper-case hex), so an emoji is 12 ASCII bytes and a lone
 *       surrogate cannot make invalid UTF-8;
 *   <li>a null string is the literal {@code null};
 *   <li>no whitespace anywhere.
 * </ul>
 *
 * <p>Not thread-safe. The encoders take their thread's instance ({@link #forThread}), so the working
 * buffer is allocated once per thread rather than once per record; only the exact-size result is.
 */
final class JsonBytes {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  /** Per 7-bit char: 0 written as is, {@link #UNICODE_ESCAPE} as <code>&#92;u00XX</code>, else {@code \x}. */
  private static final byte[] ESCAPES = new byte[128];

  private static final byte UNICODE_ESCAPE = -1;

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = UNICODE_ESCAPE;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
  }

  /** Chars escaped per capacity check: bounds the check to 6 bytes a char without overflow. */
  private static final int CHUNK = 1024;

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    long p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  /** Room for a typical flow (~450 bytes with Chinese names) or summary: rarely grown. */
  private static final int INITIAL_CAPACITY = 512;

  /** A buffer grown past this by an odd huge record is not kept for the thread's next record. */
  private static final int RETAINED_CAPACITY = 16 * 1024;

  private static final ThreadLocal<JsonBytes> PER_THREAD =
      ThreadLocal.withInitial(() -> new JsonBytes(INITIAL_CAPACITY));

  private byte[] buf;
  private int len;

  /** True right after '{': the next name takes no comma. */
  private boolean first;

  JsonBytes(int capacity) {
    buf = new byte[capacity];
  }

  /**
   * This thread's writer, empty. One object at a time: what the previous caller wrote is gone, so
   * an encoder must not call another encoder while it writes (none does).
   */
  static JsonBytes forThread() {
    JsonBytes w = PER_THREAD.get();
    if (w.buf.length > RETAINED_CAPACITY) {
      w.buf = new byte[INITIAL_CAPACITY];
    }
    w.len = 0;
    w.first = false;
    return w;
  }

  /**
   * {@code "name":} as bytes, for a name written by {@link #name}: names are constants, so they
   * are escaped once here rather than per record.
   */
  static byte[] name(String name) {
    JsonBytes w = new JsonBytes(name.length() + 3);
    w.value(name);
    w.raw((byte) ':');
    return w.toByteArray();
  }

  /** Each constant's name as a JSON string, indexed by ordinal. */
  static byte[][] enumNames(Enum<?>[] constants) {
    byte[][] names = new byte[constants.length][];
    for (Enum<?> c : constants) {
      JsonBytes w = new JsonBytes(c.name().length() + 2);
      w.value(c.name());
      names[c.ordinal()] = w.toByteArray();
    }
    return names;
  }

  void beginObject() {
    raw((byte) '{');
    first = true;
  }

  void endObject() {
    raw((byte) '}');
    first = false;
  }

  /** A field name from {@link #name(String)}, with the comma before it unless it is the first. */
  void name(byte[] encodedName) {
    ensure(encodedName.length + 1);
    if (!first) {
      buf[len++] = ',';
    }
    first = false;
    System.arraycopy(encodedName, 0, buf, len, encodedName.length);
    len += encodedName.length;
  }

  /** Bytes already in JSON form: a string from {@link #enumNames}. */
  void encoded(byte[] encoded) {
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buf, len, encoded.length);
    len += encoded.length;
  }

  void value(boolean b) {
    encoded(b ? TRUE : FALSE);
  }

  /** An int or a long as Jackson writes both: plain decimal digits, '-' when negative. */
  void value(long v) {
    ensure(20);
    if (v < 0) {
      if (v == Long.MIN_VALUE) { // has no positive counterpart
        asciiRaw(Long.toString(v));
        return;
      }
      buf[len++] = '-';
      v = -v;
    }
    digits(v, digitCount(v));
  }

  /** A string, or the literal {@code null}. */
  void value(String s) {
    if (s == null) {
      encoded(NULL);
      return;
    }
    int n = s.length();
    ensure(2);
    buf[len++] = '"';
    for (int start = 0; start < n; start += CHUNK) {
      int end = Math.min(n, start + CHUNK);
      ensure((end - start) * 6 + 1);
      len = escape(s, start, end, buf, len);
    }
    buf[len++] = '"';
  }

  /** {@code d.toPlainString()} as a JSON string. */
  void plainString(BigDecimal d) {
    int scale = d.scale();
    // precision <= 18 means |unscaled| < 10^18: it fits a long and has a positive counterpart.
    if (scale < 0 || scale > 18 || d.precision() > 18) {
      quotedAscii(d.toPlainString());
      return;
    }
    long unscaled = d.unscaledValue().longValue();
    long v = Math.abs(unscaled);
    int n = digitCount(v);
    ensure(n + scale + 5);
    buf[len++] = '"';
    if (unscaled < 0) {
      buf[len++] = '-';
    }
    if (scale == 0) {
      digits(v, n);
    } else if (n > scale) { // digits before and after the point
      int end = len + n + 1;
      int p = end;
      for (int i = 0; i < scale; i++) {
        buf[--p] = (byte) ('0' + v % 10);
        v /= 10;
      }
      buf[--p] = '.';
      while (p > len) {
        buf[--p] = (byte) ('0' + v % 10);
        v /= 10;
      }
      len = end;
    } else { // 0.000ddd, as toPlainString pads it
      buf[len++] = '0';
      buf[len++] = '.';
      for (int i = n; i < scale; i++) {
        buf[len++] = '0';
      }
      digits(v, n);
    }
    buf[len++] = '"';
  }

  /**
   * {@code t.toString()} as a JSON string: {@code uuuu-MM-ddTHH:mm}, then {@code :ss} unless
   * seconds and nanos are zero, then the nanos in groups of 3, 6 or 9 digits unless zero. Years
   * outside 0 to 9999 (a sign, more digits) take {@code toString} itself.
   */
  void value(LocalDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      quotedAscii(t.toString());
      return;
    }
    ensure(31);
    buf[len++] = '"';
    digits(year, 4);
    buf[len++] = '-';
    digits(t.getMonthValue(), 2);
    buf[len++] = '-';
    digits(t.getDayOfMonth(), 2);
    buf[len++] = 'T';
    digits(t.getHour(), 2);
    buf[len++] = ':';
    digits(t.getMinute(), 2);
    int second = t.getSecond();
    int nano = t.getNano();
    if (second > 0 || nano > 0) {
      buf[len++] = ':';
      digits(second, 2);
      if (nano > 0) {
        buf[len++] = '.';
        if (nano % 1_000_000 == 0) {
          digits(nano / 1_000_000, 3);
        } else if (nano % 1000 == 0) {
          digits(nano / 1000, 6);
        } else {
          digits(nano, 9);
        }
      }
    }
    buf[len++] = '"';
  }

  /** The bytes written, in an array of their exact size. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /**
   * Escapes {@code s[start, end)} into {@code out} from {@code p}, which has room for 6 bytes a
   * char; returns the new end.
   */
  private static int escape(String s, int start, int end, byte[] out, int p) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte e = ESCAPES[c];
        if (e == 0) {
          out[p++] = (byte) c;
        } else if (e == UNICODE_ESCAPE) {
          p = unicodeEscape(c, out, p);
        } else {
          out[p++] = '\\';
          out[p++] = e;
        }
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        p = unicodeEscape(c, out, p);
      } else {
        out[p++] = (byte) (0xE0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p;
  }

  private static int unicodeEscape(char c, byte[] out, int p) {
    out[p++] = '\\';
    out[p++] = 'u';
    out[p++] = HEX[(c >> 12) & 0xF];
    out[p++] = HEX[(c >> 8) & 0xF];
    out[p++] = HEX[(c >> 4) & 0xF];
    out[p++] = HEX[c & 0xF];
    return p;
  }

  /** Text that needs no escaping (JDK number and date text), quoted. */
  private void quotedAscii(String s) {
    ensure(s.length() + 2);
    buf[len++] = '"';
    asciiRaw(s);
    buf[len++] = '"';
  }

  private void asciiRaw(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void raw(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  /** {@code v >= 0} in exactly {@code n} digits, zero-padded; the caller ensured the room. */
  private void digits(long v, int n) {
    int end = len + n;
    int p = end;
    do {
      buf[--p] = (byte) ('0' + v % 10);
      v /= 10;
    } while (p > len);
    len = end;
  }

  /** Decimal digits of {@code v >= 0}, at least 1. */
  private static int digitCount(long v) {
    int n = 1;
    while (n < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[n]) {
      n++;
    }
    return n;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
