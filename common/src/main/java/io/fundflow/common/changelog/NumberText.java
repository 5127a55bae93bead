package io.fundflow.common.changelog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shape checks and parsing for numbers carried as text, written as plain loops so that the hot path
 * allocates nothing and never uses an exception to say "not a number".
 */
final class NumberText {

  /** Longest numeric text accepted: far beyond NUMBER(19,2), short enough to bound the work. */
  static final int MAX_NUMBER_LENGTH = 64;

  private static final String MAX_LONG = Long.toString(Long.MAX_VALUE);

  private NumberText() {}

  /** True when {@code s} is an optionally signed run of digits that fits in a long. */
  static boolean isLong(String s) {
    int n = s.length();
    int start = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    int digits = n - start;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (int i = start; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    // 19 digits may exceed Long.MAX_VALUE; -9223372036854775808 is conservatively refused.
    return digits < 19 || s.substring(start).compareTo(MAX_LONG) <= 0;
  }

  /**
   * True when {@code s} reads as a decimal number: optional sign, digits with at most one point, an
   * optional exponent of at most 4 digits (so that {@code new BigDecimal(s)} cannot overflow).
   */
  static boolean isDecimal(String s) {
    int n = s.length();
    if (n == 0 || n > MAX_NUMBER_LENGTH) {
      return false;
    }
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    char e = s.charAt(i);
    if (e != 'e' && e != 'E') {
      return false;
    }
    i++;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int expDigits = n - i;
    if (expDigits < 1 || expDigits > 4) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} is padded standard base64 (what Kafka Connect writes for bytes). */
  static boolean isBase64(String s) {
    int n = s.length();
    if (n < 4 || n % 4 != 0) {
      return false;
    }
    int pad = s.charAt(n - 1) == '=' ? (s.charAt(n - 2) == '=' ? 2 : 1) : 0;
    for (int i = 0; i < n - pad; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** What {@link #parseLong(char[], int, int)} returns for text that {@link #isLong} refuses. */
  static final long NOT_A_LONG = Long.MIN_VALUE;

  /**
   * The long that {@code new String(c, off, len)} reads as when {@link #isLong} accepts it, else
   * {@link #NOT_A_LONG} (which {@link #isLong} never accepts). For the streaming path: no String.
   */
  static long parseLong(char[] c, int off, int len) {
    int end = off + len;
    boolean negative = len > 0 && c[off] == '-';
    int start = len > 0 && (negative || c[off] == '+') ? off + 1 : off;
    int digits = end - start;
    if (digits < 1 || digits > 19) {
      return NOT_A_LONG;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      char ch = c[i];
      if (ch < '0' || ch > '9') {
        return NOT_A_LONG;
      }
      int digit = ch - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        return NOT_A_LONG; // beyond Long.MAX_VALUE, as isLong's comparison refuses it
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /** {@link #isDecimal(String)} on {@code new String(c, off, len)}, without the String. */
  static boolean isDecimal(char[] c, int off, int len) {
    int n = off + len;
    if (len == 0 || len > MAX_NUMBER_LENGTH) {
      return false;
    }
    int i = c[off] == '-' || c[off] == '+' ? off + 1 : off;
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        digits++;
      } else if (ch == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    char e = c[i];
    if (e != 'e' && e != 'E') {
      return false;
    }
    i++;
    if (i < n && (c[i] == '-' || c[i] == '+')) {
      i++;
    }
    int expDigits = n - i;
    if (expDigits < 1 || expDigits > 4) {
      return false;
    }
    for (; i < n; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@link #isBase64(String)} on {@code new String(c, off, len)}, without the String. */
  static boolean isBase64(char[] c, int off, int len) {
    if (len < 4 || len % 4 != 0) {
      return false;
    }
    int end = off + len;
    int pad = c[end - 1] == '=' ? (c[end - 2] == '=' ? 2 : 1) : 0;
    for (int i = off; i < end - pad; i++) {
      if (base64Digit(c[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The 6-bit value of a standard base64 digit, or -1. */
  static int base64Digit(char ch) {
    if (ch >= 'A' && ch <= 'Z') {
      return ch - 'A';
    }
    if (ch >= 'a' && ch <= 'z') {
      return ch - 'a' + 26;
    }
    if (ch >= '0' && ch <= '9') {
      return ch - '0' + 52;
    }
    return ch == '+' ? 62 : ch == '/' ? 63 : -1;
  }

  /**
   * Reads a source position: a non-negative integral JSON number, or a digit string that may carry
   * leading zeros (GoldenGate's {@code pos} is 20 digits, zero-padded).
   *
   * @return the position, or -1 when the node is absent, not digits, negative or beyond a long
   */
  static long position(JsonNode node) {
    if (node == null) {
      return -1;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() && node.longValue() >= 0 ? node.longValue() : -1;
    }
    if (!node.isTextual()) {
      return -1;
    }
    String s = node.textValue();
    int n = s.length();
    if (n == 0) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      int digit = c - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
