package io.fundflow.serving.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.PersonalDataMasks;
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

  /** The API item of a flow. */
  public static ObjectNode item(FundFlow f) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("initDate", f.initDate());
    n.put("serialNo", f.serialNo());
    n.put("occurTime", time(f.occurTime()));
    n.put("fundAccount", f.fundAccount());
    n.put("branchNo", f.branchNo());
    n.put("moneyType", f.moneyType().name());
    n.put("businessFlag", f.businessFlag());
    n.put("category", f.category().name());
    n.put("direction", f.direction().name());
    n.put("amount", money(f.occurBalance()));
    n.put("postBalance", money(f.postBalance()));
    n.put("channel", f.channel());
    n.put("channelName", f.channelName());
    n.put("remark", PersonalDataMasks.remark(f.remark()));
    return n;
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
    return t.format(TIME);
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
