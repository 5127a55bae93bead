package io.fundflow.serving.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.PersonalDataMasks;
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

  private FlowFormat() {}

  /**
   * Writes the API item of a flow straight to {@code g}, without building a tree per row first (a
   * page's tree and its serialisation showed in the serving benchmark's profile).
   */
  public static void writeItem(JsonGenerator g, FundFlow f) throws IOException {
    g.writeStartObject();
    g.writeNumberField("initDate", f.initDate());
    g.writeNumberField("serialNo", f.serialNo());
    g.writeStringField("occurTime", time(f.occurTime()));
    g.writeStringField("fundAccount", f.fundAccount());
    g.writeNumberField("branchNo", f.branchNo());
    g.writeStringField("moneyType", f.moneyType().name());
    g.writeNumberField("businessFlag", f.businessFlag());
    g.writeStringField("category", f.category().name());
    g.writeStringField("direction", f.direction().name());
    g.writeStringField("amount", money(f.occurBalance()));
    g.writeStringField("postBalance", money(f.postBalance()));
    g.writeStringField("channel", f.channel());
    g.writeStringField("channelName", f.channelName());
    g.writeStringField("remark", PersonalDataMasks.remark(f.remark()));
    g.writeEndObject();
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
