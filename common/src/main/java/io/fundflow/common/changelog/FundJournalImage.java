package io.fundflow.common.changelog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The columns of one FUND_JOURNAL row image read straight from parser tokens into typed fields, for
 * the streaming path: no JSON node, no column map, numbers and times parsed from the parser's
 * character buffer.
 *
 * <p>It only reads images that {@link FundJournalMapping} would map without a problem and in the
 * shapes the change log usually carries; anything else — a missing, null, repeated or unknown
 * column, a value of another type, a value the mapping would refuse — makes {@link #read} or {@link
 * #toEntry} return null, and the caller leaves the record to the slower paths. What it does map
 * equals what {@link FundJournalMapping} maps from the same image.
 */
final class FundJournalImage {

  private static final MoneyType[] MONEY_TYPES = MoneyType.values();
  private static final long NUMBER_12 = 999_999_999_999L;
  private static final long NUMBER_6 = 999_999L;

  private static final int INIT_DATE = 1;
  private static final int SERIAL_NO = 1 << 1;
  private static final int OCCUR_TIME = 1 << 2;
  private static final int CLIENT_ID = 1 << 3;
  private static final int FUND_ACCOUNT = 1 << 4;
  private static final int BRANCH_NO = 1 << 5;
  private static final int MONEY_TYPE = 1 << 6;
  private static final int BUSINESS_FLAG = 1 << 7;
  private static final int OCCUR_BALANCE = 1 << 8;
  private static final int POST_BALANCE = 1 << 9;
  private static final int CHANNEL = 1 << 10;
  private static final int REMARK = 1 << 11;

  /** Every column but CHANNEL and REMARK is a key or required. */
  private static final int NEEDED = (1 << 10) - 1;

  /** A money column as read: the decimal it reads as, and the base64 bytes it may stand for. */
  private static final class MoneyCell {
    /** The money of the text or number read as a decimal, or null. */
    BigDecimal decimal;

    /** The text is base64: with a declared scale, it is a Debezium precise decimal. */
    boolean base64;

    /** The base64 bytes fit a long, held in {@link #unscaled}. */
    boolean unscaledRead;

    long unscaled;

    /** The money, as {@link RowReader#money} decides between the readings; null when refused. */
    BigDecimal money(int declaredScale) {
      if (base64 && declaredScale >= 0) {
        return unscaledRead ? MoneyText.exact(BigDecimal.valueOf(unscaled, declaredScale)) : null;
      }
      return decimal;
    }
  }

  private int seen;
  private int initDate;
  private long serialNo;
  private LocalDateTime occurTime;
  private String clientId;
  private String fundAccount;
  private int branchNo;
  private MoneyType moneyType;
  private int businessFlag;
  private final MoneyCell occurBalance = new MoneyCell();
  private final MoneyCell postBalance = new MoneyCell();
  private String channel;
  private String remark;

  private FundJournalImage() {}

  /**
   * Reads the image whose {@code START_OBJECT} is the parser's current token, up to its {@code
   * END_OBJECT}; null as soon as the image is one to leave to the slower paths (the parser is then
   * left somewhere inside it).
   */
  static FundJournalImage read(JsonParser p) throws IOException {
    FundJournalImage image = new FundJournalImage();
    return image.readColumns(p) ? image : null;
  }

  /**
   * The entry, with the money columns read at the scales a schema wrapper declares; null when the
   * mapping would fail.
   */
  FundJournalEntry toEntry(DecimalScales scales) {
    if ((seen & NEEDED) != NEEDED) {
      return null;
    }
    BigDecimal occur = occurBalance.money(scales.scaleOf("OCCUR_BALANCE"));
    BigDecimal post = postBalance.money(scales.scaleOf("POST_BALANCE"));
    if (occur == null || post == null) {
      return null;
    }
    return new FundJournalEntry(
        initDate,
        serialNo,
        occurTime,
        clientId,
        fundAccount,
        branchNo,
        moneyType,
        businessFlag,
        occur,
        post,
        channel,
        remark);
  }

  private boolean readColumns(JsonParser p) throws IOException {
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      boolean read =
          switch (name) {
            case "INIT_DATE" -> first(INIT_DATE) && readInitDate(p, t);
            case "SERIAL_NO" -> first(SERIAL_NO) && readSerialNo(p, t);
            case "OCCUR_TIME" -> first(OCCUR_TIME) && readOccurTime(p, t);
            case "CLIENT_ID" -> first(CLIENT_ID) && (clientId = code(p, t)) != null;
            case "FUND_ACCOUNT" -> first(FUND_ACCOUNT) && (fundAccount = code(p, t)) != null;
            case "BRANCH_NO" -> first(BRANCH_NO) && readBranchNo(p, t);
            case "MONEY_TYPE" -> first(MONEY_TYPE) && (moneyType = moneyType(p, t)) != null;
            case "BUSINESS_FLAG" -> first(BUSINESS_FLAG) && readBusinessFlag(p, t);
            case "OCCUR_BALANCE" -> first(OCCUR_BALANCE) && readMoney(p, t, occurBalance);
            case "POST_BALANCE" -> first(POST_BALANCE) && readMoney(p, t, postBalance);
            case "CHANNEL" -> first(CHANNEL) && readChannel(p, t);
            case "REMARK" -> first(REMARK) && readRemark(p, t);
            default -> false;
          };
      if (!read) {
        return false;
      }
    }
    return p.currentToken() == JsonToken.END_OBJECT;
  }

  /** Marks a column as read; false when it was already (the last one would win: too rare here). */
  private boolean first(int column) {
    if ((seen & column) != 0) {
      return false;
    }
    seen |= column;
    return true;
  }

  private boolean readInitDate(JsonParser p, JsonToken t) throws IOException {
    long n = integer(p, t, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (n == NumberText.NOT_A_LONG || !RowReader.isRealDate(n)) {
      return false;
    }
    initDate = (int) n;
    return true;
  }

  private boolean readSerialNo(JsonParser p, JsonToken t) throws IOException {
    serialNo = integer(p, t, -NUMBER_12, NUMBER_12);
    return serialNo != NumberText.NOT_A_LONG;
  }

  private boolean readBranchNo(JsonParser p, JsonToken t) throws IOException {
    long n = integer(p, t, -NUMBER_6, NUMBER_6);
    branchNo = (int) n;
    return n != NumberText.NOT_A_LONG;
  }

  private boolean readBusinessFlag(JsonParser p, JsonToken t) throws IOException {
    long n = integer(p, t, -NUMBER_6, NUMBER_6);
    businessFlag = (int) n;
    return n != NumberText.NOT_A_LONG;
  }

  /**
   * An integral JSON number or digit text within [min, max], else {@link NumberText#NOT_A_LONG}.
   */
  private static long integer(JsonParser p, JsonToken t, long min, long max) throws IOException {
    long n;
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        return NumberText.NOT_A_LONG;
      }
      n = p.getLongValue();
    } else if (t == JsonToken.VALUE_STRING) {
      char[] c = p.getTextCharacters();
      int from = trimStart(c, p.getTextOffset(), p.getTextLength());
      int to = trimEnd(c, from, p.getTextOffset() + p.getTextLength());
      n = NumberText.parseLong(c, from, to - from);
    } else {
      return NumberText.NOT_A_LONG;
    }
    return n < min || n > max ? NumberText.NOT_A_LONG : n;
  }

  /** Epoch millis/micros/nanos as a number or digit text, or local-time text. */
  private boolean readOccurTime(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        return false;
      }
      occurTime = RowReader.fromEpoch(p.getLongValue());
      return true;
    }
    if (t != JsonToken.VALUE_STRING) {
      return false;
    }
    char[] c = p.getTextCharacters();
    int from = trimStart(c, p.getTextOffset(), p.getTextLength());
    int to = trimEnd(c, from, p.getTextOffset() + p.getTextLength());
    long epoch = NumberText.parseLong(c, from, to - from);
    occurTime =
        epoch != NumberText.NOT_A_LONG
            ? RowReader.fromEpoch(epoch)
            : LocalTimestampText.parse(c, from, to - from);
    return occurTime != null;
  }

  private static boolean readMoney(JsonParser p, JsonToken t, MoneyCell cell) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      char[] c = p.getTextCharacters();
      int from = trimStart(c, p.getTextOffset(), p.getTextLength());
      int len = trimEnd(c, from, p.getTextOffset() + p.getTextLength()) - from;
      if (NumberText.isBase64(c, from, len)) {
        cell.base64 = true;
        if (MoneyText.base64Bytes(c, from, len) > 0) {
          cell.unscaledRead = true;
          cell.unscaled = MoneyText.base64Unscaled(c, from, len);
        }
      }
      if (NumberText.isDecimal(c, from, len)) {
        cell.decimal = MoneyText.decimal(c, from, len);
      }
      return cell.base64 || cell.decimal != null;
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        return false;
      }
      cell.decimal = MoneyText.exact(BigDecimal.valueOf(p.getLongValue()));
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      cell.decimal = MoneyText.exact(p.getDecimalValue());
    }
    return cell.decimal != null;
  }

  /** A required code, trimmed; null when not text or empty. */
  private static String code(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      return null;
    }
    String s = p.getText().trim();
    return s.isEmpty() ? null : s;
  }

  private static MoneyType moneyType(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      return null;
    }
    char[] c = p.getTextCharacters();
    int from = trimStart(c, p.getTextOffset(), p.getTextLength());
    int len = trimEnd(c, from, p.getTextOffset() + p.getTextLength()) - from;
    for (MoneyType type : MONEY_TYPES) {
      if (sameText(type.name(), c, from, len)) {
        return type;
      }
    }
    return null;
  }

  private static boolean sameText(String s, char[] c, int from, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != c[from + i]) {
        return false;
      }
    }
    return true;
  }

  private boolean readChannel(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    if (t != JsonToken.VALUE_STRING) {
      return false;
    }
    String s = p.getText().trim();
    channel = s.isEmpty() ? null : s;
    return true;
  }

  private boolean readRemark(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    if (t != JsonToken.VALUE_STRING) {
      return false;
    }
    String s = p.getText();
    remark = s.isEmpty() ? null : s;
    return true;
  }

  /** Where {@code String.trim} would start the text in {@code c[from, from + len)}. */
  private static int trimStart(char[] c, int from, int len) {
    int end = from + len;
    while (from < end && c[from] <= ' ') {
      from++;
    }
    return from;
  }

  /** Where {@code String.trim} would end the text that starts at {@code from}. */
  private static int trimEnd(char[] c, int from, int end) {
    while (end > from && c[end - 1] <= ' ') {
      end--;
    }
    return end;
  }
}
