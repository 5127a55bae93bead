package io.fundflow.common.changelog;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;

/**
 * Reads the local date-times the change log and the flows' JSON carry as text: {@code yyyy-MM-dd HH:mm:ss[.f…]} with
 * a space, {@code T} (ISO) or {@code :} (GoldenGate's trail format) between date and time, and 1 to
 * 9 fraction digits. A hand-written scanner: no regex, no formatter, no exception on the hot path.
 */
public final class LocalTimestampText {

  private static final int NO_FRACTION_LENGTH = 19; // yyyy-MM-dd HH:mm:ss

  private LocalTimestampText() {}

  /**
   * The date-time, or null when {@code s} is not shaped like one or names a time that does not
   * exist.
   */
  public static LocalDateTime parse(String s) {
    if (!hasShape(s)) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int nanos = 0;
    if (s.length() > NO_FRACTION_LENGTH) {
      int fractionDigits = s.length() - NO_FRACTION_LENGTH - 1;
      nanos = digits(s, NO_FRACTION_LENGTH + 1, s.length());
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
  }

  /**
   * True when {@code s} has the layout of a date-time, whether or not the date exists; tells an
   * impossible date (BAD_DATE) from text that is no date at all (WRONG_TYPE).
   */
  static boolean hasShape(String s) {
    int n = s.length();
    if (n != NO_FRACTION_LENGTH && (n < NO_FRACTION_LENGTH + 2 || n > NO_FRACTION_LENGTH + 10)) {
      return false;
    }
    char sep = s.charAt(10);
    if (s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (sep != ' ' && sep != 'T' && sep != ':')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return false;
    }
    if (n > NO_FRACTION_LENGTH && s.charAt(NO_FRACTION_LENGTH) != '.') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == NO_FRACTION_LENGTH) {
        continue;
      }
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #parse(String)} on {@code new String(c, off, len)}, for the streaming path: no String.
   */
  static LocalDateTime parse(char[] c, int off, int len) {
    if (!hasShape(c, off, len)) {
      return null;
    }
    int year = digits(c, off, off + 4);
    int month = digits(c, off + 5, off + 7);
    int day = digits(c, off + 8, off + 10);
    int hour = digits(c, off + 11, off + 13);
    int minute = digits(c, off + 14, off + 16);
    int second = digits(c, off + 17, off + 19);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    if (day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int nanos = 0;
    if (len > NO_FRACTION_LENGTH) {
      int fractionDigits = len - NO_FRACTION_LENGTH - 1;
      nanos = digits(c, off + NO_FRACTION_LENGTH + 1, off + len);
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
  }

  private static boolean hasShape(char[] c, int off, int len) {
    if (len != NO_FRACTION_LENGTH
        && (len < NO_FRACTION_LENGTH + 2 || len > NO_FRACTION_LENGTH + 10)) {
      return false;
    }
    char sep = c[off + 10];
    if (c[off + 4] != '-'
        || c[off + 7] != '-'
        || (sep != ' ' && sep != 'T' && sep != ':')
        || c[off + 13] != ':'
        || c[off + 16] != ':') {
      return false;
    }
    if (len > NO_FRACTION_LENGTH && c[off + NO_FRACTION_LENGTH] != '.') {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (i == 4 || i == 7 || i == 10 || i == 13 || i == 16 || i == NO_FRACTION_LENGTH) {
        continue;
      }
      char ch = c[off + i];
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(char[] c, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (c[i] - '0');
    }
    return v;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
