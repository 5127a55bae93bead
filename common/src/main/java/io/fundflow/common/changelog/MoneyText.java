package io.fundflow.common.changelog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money (NUMBER(19,2)) read from a parser's character buffer for the streaming path: the same value
 * {@link RowReader#money} gives at scale 2, or null whenever that read would fail or this class
 * does not handle the text cheaply — the caller then leaves the record to the slower paths, which
 * give any rejection its reason.
 */
final class MoneyText {

  static final int SCALE = 2;

  private static final BigDecimal ZERO = BigDecimal.valueOf(0, SCALE);

  /** NUMBER(19,2): at most 17 digits before the point. */
  private static final int INTEGER_DIGITS = 17;

  /** Digits read into a long: 16, times 100 for the scale, stays below Long.MAX_VALUE. */
  private static final int FAST_DIGITS = 16;

  /**
   * Unscaled bytes read into a long: 7 bytes are 10 base64 digits, 60 bits; more is left to the
   * slower paths' BigInteger.
   */
  private static final int FAST_BYTES = 7;

  private MoneyText() {}

  /**
   * The money {@code new BigDecimal(new String(c, off, len))} stands for at scale 2, or null when
   * it has more than 2 decimals or more than 17 integer digits.
   *
   * @param c text that {@link NumberText#isDecimal(char[], int, int)} accepts
   */
  static BigDecimal decimal(char[] c, int off, int len) {
    int end = off + len;
    boolean negative = c[off] == '-';
    int i = negative || c[off] == '+' ? off + 1 : off;
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch == '.') {
        point = true;
      } else if (ch >= '0' && ch <= '9') {
        if (unscaled == 0 && ch == '0') {
          // A leading zero adds nothing to the precision, but a fraction digit still counts.
          scale += point ? 1 : 0;
          continue;
        }
        if (++digits > FAST_DIGITS) {
          return exact(new BigDecimal(c, off, len));
        }
        unscaled = unscaled * 10 + (ch - '0');
        scale += point ? 1 : 0;
      } else {
        return exact(new BigDecimal(c, off, len)); // an exponent
      }
    }
    if (unscaled == 0) {
      return ZERO;
    }
    if (digits - scale > INTEGER_DIGITS) {
      return null;
    }
    while (scale > SCALE && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    if (scale > SCALE) {
      return null;
    }
    for (; scale < SCALE; scale++) {
      unscaled *= 10;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, SCALE);
  }

  /**
   * How many bytes base64 text holds when they fit a long here (1 to 7), else -1: the unscaled
   * value of a Debezium precise decimal up to 2^55, far beyond any cash amount.
   *
   * @param c text that {@link NumberText#isBase64(char[], int, int)} accepts
   */
  static int base64Bytes(char[] c, int off, int len) {
    int end = off + len;
    int pad = c[end - 1] == '=' ? (c[end - 2] == '=' ? 2 : 1) : 0;
    int bytes = (len - pad) * 6 / 8;
    return bytes <= FAST_BYTES ? bytes : -1;
  }

  /**
   * The two's-complement big-endian integer that base64 text holds, as {@code new
   * BigInteger(Base64.getDecoder().decode(text))} reads it.
   *
   * @param c text that {@link NumberText#isBase64(char[], int, int)} accepts and for which {@link
   *     #base64Bytes} is not -1
   */
  static long base64Unscaled(char[] c, int off, int len) {
    int bytes = base64Bytes(c, off, len);
    int sextets = (bytes * 8 + 5) / 6;
    long bits = 0;
    for (int i = off; i < off + sextets; i++) {
      bits = (bits << 6) | NumberText.base64Digit(c[i]);
    }
    // The bits of a last, padded group beyond whole bytes are dropped, as java.util.Base64 does.
    long value = bits >>> (sextets * 6 - bytes * 8);
    int unused = 64 - bytes * 8;
    return (value << unused) >> unused;
  }

  /**
   * {@code d} at scale 2, or null when it has more than 17 integer digits or more than 2 decimals
   * once trailing zeros are dropped: the same checks, in the same order, as {@link RowReader}.
   */
  static BigDecimal exact(BigDecimal d) {
    if (d.signum() == 0) {
      return ZERO;
    }
    if (d.precision() - d.scale() > INTEGER_DIGITS) {
      return null;
    }
    if (d.scale() > SCALE) {
      d = d.stripTrailingZeros();
      if (d.scale() > SCALE) {
        return null;
      }
    }
    return d.setScale(SCALE, RoundingMode.UNNECESSARY);
  }
}
