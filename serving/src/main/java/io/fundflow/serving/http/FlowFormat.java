package io.fundflow.serving.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.fundflow.common.codec.FundFlowJsonView;
import io.fundflow.common.codec.FundFlowJsonView.Field;
import io.fundflow.common.dwd.Category;
import io.fundflow.common.dwd.Direction;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.PersonalDataMasks;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How a flow is served, as a JSON item and as a CSV line: the fields of the API, amounts as exact
 * decimal strings with two places, times {@code yyyy-MM-ddTHH:mm:ss.SSS} Asia/Shanghai. REMARK is
 * scrubbed again on the way out: the stored flows are already masked (DWD), and the mask is
 * idempotent, so this only guards against a row written by something that skipped DWD.
 */
public final class FlowFormat {

  /** Served date-times: fixed width, milliseconds always shown. */
  public static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

  /** The CSV header, in the order of {@link #csvLine}. */
  public static final String CSV_HEADER =
      "initDate,serialNo,occurTime,fundAccount,branchNo,moneyType,businessFlag,category,direction,"
          + "amount,postBalance,channel,channelName,remark\r\n";

  private static final SerializedString INIT_DATE = new SerializedString("initDate");
  private static final SerializedString SERIAL_NO = new SerializedString("serialNo");
  private static final SerializedString OCCUR_TIME = new SerializedString("occurTime");
  private static final SerializedString FUND_ACCOUNT = new SerializedString("fundAccount");
  private static final SerializedString BRANCH_NO = new SerializedString("branchNo");
  private static final SerializedString MONEY_TYPE = new SerializedString("moneyType");
  private static final SerializedString BUSINESS_FLAG = new SerializedString("businessFlag");
  private static final SerializedString CATEGORY = new SerializedString("category");
  private static final SerializedString DIRECTION = new SerializedString("direction");
  private static final SerializedString AMOUNT = new SerializedString("amount");
  private static final SerializedString POST_BALANCE = new SerializedString("postBalance");
  private static final SerializedString CHANNEL = new SerializedString("channel");
  private static final SerializedString CHANNEL_NAME = new SerializedString("channelName");
  private static final SerializedString REMARK = new SerializedString("remark");
  private static final SerializedString[] MONEY_TYPES = names(MoneyType.values());
  private static final SerializedString[] CATEGORIES = names(Category.values());
  private static final SerializedString[] DIRECTIONS = names(Direction.values());

  /** A stored time's longest text: '9' where a digit goes, the separators as they are. */
  private static final String TIME_SHAPE = "9999-99-99T99:99:99.999999999";

  private FlowFormat() {}

  private static SerializedString[] names(Enum<?>[] constants) {
    SerializedString[] out = new SerializedString[constants.length];
    for (Enum<?> c : constants) {
      out[c.ordinal()] = new SerializedString(c.name());
    }
    return out;
  }

  /**
   * Writes the API item of a stored flow straight to {@code g}, a generator of UTF-8 bytes, from
   * the stored JSON itself: strings are copied as stored (already escaped as Jackson escapes them),
   * numbers, times and amounts rewritten from their text. No {@code FundFlow}, {@code BigDecimal}
   * or {@code LocalDateTime} per row: decoding every row into one was about half of a full page's
   * CPU in the serving benchmark.
   */
  public static void writeItem(JsonGenerator g, FundFlowJsonView v) throws IOException {
    byte[] b = v.bytes();
    g.writeStartObject();
    g.writeFieldName(INIT_DATE);
    g.writeNumber(v.initDate());
    g.writeFieldName(SERIAL_NO);
    g.writeNumber(v.serialNo());
    g.writeFieldName(OCCUR_TIME);
    char[] time = time(b, v.start(Field.OCCUR_TIME), v.end(Field.OCCUR_TIME));
    if (time != null) {
      g.writeString(time, 0, time.length);
    } else { // a year outside 0 to 9999: the parser's and the formatter's sign and width rules
      g.writeString(time(LocalDateTime.parse(v.text(Field.OCCUR_TIME))));
    }
    g.writeFieldName(FUND_ACCOUNT);
    copy(g, v, Field.FUND_ACCOUNT);
    g.writeFieldName(BRANCH_NO);
    g.writeNumber(v.branchNo());
    g.writeFieldName(MONEY_TYPE);
    g.writeString(MONEY_TYPES[v.moneyType().ordinal()]);
    g.writeFieldName(BUSINESS_FLAG);
    g.writeNumber(v.businessFlag());
    g.writeFieldName(CATEGORY);
    g.writeString(CATEGORIES[v.category().ordinal()]);
    g.writeFieldName(DIRECTION);
    g.writeString(DIRECTIONS[v.direction().ordinal()]);
    g.writeFieldName(AMOUNT);
    money(g, v, Field.AMOUNT);
    g.writeFieldName(POST_BALANCE);
    money(g, v, Field.POST_BALANCE);
    g.writeFieldName(CHANNEL);
    copy(g, v, Field.CHANNEL);
    g.writeFieldName(CHANNEL_NAME);
    copy(g, v, Field.CHANNEL_NAME);
    g.writeFieldName(REMARK);
    String remark = v.text(Field.REMARK);
    String masked = PersonalDataMasks.remark(remark);
    if (masked == remark) { // unchanged (the mask returns the same instance): copied as stored
      copy(g, v, Field.REMARK);
    } else {
      g.writeString(masked);
    }
    g.writeEndObject();
  }

  /** A string field as stored, already escaped; null when absent. */
  private static void copy(JsonGenerator g, FundFlowJsonView v, Field f) throws IOException {
    if (v.has(f)) {
      g.writeRawUTF8String(v.bytes(), v.start(f), v.end(f) - v.start(f));
    } else {
      g.writeNull();
    }
  }

  private static void money(JsonGenerator g, FundFlowJsonView v, Field f) throws IOException {
    char[] served = money(v.bytes(), v.start(f), v.end(f));
    if (served != null) {
      g.writeString(served, 0, served.length);
    } else { // not plain digits with at most two places that matter: BigDecimal decides
      g.writeString(money(new BigDecimal(v.text(f))));
    }
  }

  /**
   * {@code money(new BigDecimal(text))} of a stored amount's text, computed on its digits: the
   * integer part as is, then exactly two places, padded with zeros or cut where only zeros follow.
   * Null for text the digits alone cannot answer for exactly as BigDecimal would (a sign other
   * than a leading '-', leading zeros, an exponent, "-0", a third place that is not zero); the
   * caller then asks BigDecimal.
   */
  static char[] money(byte[] b, int start, int end) {
    int i = start;
    boolean negative = i < end && b[i] == '-';
    if (negative) {
      i++;
    }
    int intStart = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    int intDigits = i - intStart;
    if (intDigits == 0 || (intDigits > 1 && b[intStart] == '0')) {
      return null;
    }
    int fracStart = i;
    int fracDigits = 0;
    if (i < end) {
      if (b[i] != '.') {
        return null;
      }
      fracStart = ++i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      fracDigits = i - fracStart;
      if (fracDigits == 0 || i != end) {
        return null;
      }
      for (int k = fracStart + 2; k < end; k++) {
        if (b[k] != '0') {
          return null; // setScale(2, UNNECESSARY) refuses it: let BigDecimal say so
        }
      }
    }
    int sign = negative ? 1 : 0;
    char[] c = new char[sign + intDigits + 3];
    boolean zero = true;
    int at = 0;
    if (negative) {
      c[at++] = '-';
    }
    for (int k = intStart; k < intStart + intDigits; k++) {
      zero &= b[k] == '0';
      c[at++] = (char) b[k];
    }
    c[at++] = '.';
    for (int k = 0; k < 2; k++) {
      char d = k < fracDigits ? (char) b[fracStart + k] : '0';
      zero &= d == '0';
      c[at++] = d;
    }
    return negative && zero ? null : c; // BigDecimal has no -0.00
  }

  /**
   * The served time of a stored {@code LocalDateTime.toString()} text ({@code uuuu-MM-ddTHH:mm},
   * then {@code :ss}, then 3, 6 or 9 digits of fraction, each when not zero): the same 23 chars
   * {@link #time(LocalDateTime)} gives for it. Null for any other shape (years outside 0 to 9999).
   */
  static char[] time(byte[] b, int start, int end) {
    int n = end - start;
    if ((n != 16 && n != 19 && n != 23 && n != 26 && n != 29) || !timeShape(b, start, n)) {
      return null;
    }
    char[] c = new char[23];
    for (int k = 0; k < 16; k++) {
      c[k] = (char) b[start + k];
    }
    c[16] = ':';
    c[17] = n >= 19 ? (char) b[start + 17] : '0';
    c[18] = n >= 19 ? (char) b[start + 18] : '0';
    c[19] = '.';
    for (int k = 20; k < 23; k++) {
      c[k] = n >= 23 ? (char) b[start + k] : '0'; // the first three digits are the milliseconds
    }
    return c;
  }

  /** Digits everywhere {@code uuuu-MM-ddTHH:mm:ss.fffffffff} has them, its separators elsewhere. */
  private static boolean timeShape(byte[] b, int start, int n) {
    for (int k = 0; k < n; k++) {
      byte x = b[start + k];
      char expected = TIME_SHAPE.charAt(k);
      if (expected == '9' ? x < '0' || x > '9' : x != expected) {
        return false;
      }
    }
    return true;
  }

  /** One CSV line (RFC 4180, CRLF) of a flow. */
  public static String csvLine(FundFlow f) {
    return String.join(
            ",",
            Integer.toString(f.initDate()),
            Long.toString(f.serialNo()),
            time(f.occurTime()),
            csv(f.fundAccount()),
            Integer.toString(f.branchNo()),
            f.moneyType().name(),
            Integer.toString(f.businessFlag()),
            f.category().name(),
            f.direction().name(),
            money(f.occurBalance()),
            money(f.postBalance()),
            csv(f.channel()),
            csv(f.channelName()),
            csv(PersonalDataMasks.remark(f.remark())))
        + "\r\n";
  }

  /** A served date-time. */
  public static String time(LocalDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return t.format(TIME); // the formatter's sign and width rules; never in real data
    }
    // Fixed width by hand: DateTimeFormatter's general printer cost a visible share of a page.
    char[] c = new char[23];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, t.getNano() / 1_000_000, 3);
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** A served amount: scale 2, plain digits. */
  public static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    // Quote anything a spreadsheet could misread; a leading =,+,-,@ would be run as a formula.
    boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
    String value = formula ? "'" + s : s;
    boolean quote =
        formula
            || value.contains(",")
            || value.contains("\"")
            || value.contains("\n")
            || value.contains("\r");
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
