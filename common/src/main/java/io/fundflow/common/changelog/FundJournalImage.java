package io.fundflow.common.changelog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

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

  /** The columns, by index: the bit of column i in {@link #seen} is {@code 1 << i}. */
  private static final String[] COLUMNS = {
    "INIT_DATE",
    "SERIAL_NO",
    "OCCUR_TIME",
    "CLIENT_ID",
    "FUND_ACCOUNT",
    "BRANCH_NO",
    "MONEY_TYPE",
    "BUSINESS_FLAG",
    "OCCUR_BALANCE",
    "POST_BALANCE",
    "CHANNEL",
    "REMARK"
  };

  private static final byte[][] COLUMN_BYTES = columnBytes();

  private static final int INIT_DATE = 0;
  private static final int SERIAL_NO = 1;
  private static final int OCCUR_TIME = 2;
  private static final int CLIENT_ID = 3;
  private static final int FUND_ACCOUNT = 4;
  private static final int BRANCH_NO = 5;
  private static final int MONEY_TYPE = 6;
  private static final int BUSINESS_FLAG = 7;
  private static final int OCCUR_BALANCE = 8;
  private static final int POST_BALANCE = 9;
  private static final int CHANNEL = 10;
  private static final int REMARK = 11;

  /** Every column but CHANNEL and REMARK is a key or required. */
  private static final int NEEDED = (1 << CHANNEL) - 1;

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

  private static byte[][] columnBytes() {
    byte[][] bytes = new byte[COLUMNS.length][];
    for (int i = 0; i < COLUMNS.length; i++) {
      bytes[i] = COLUMNS[i].getBytes(StandardCharsets.US_ASCII);
    }
    return bytes;
  }

  /** An image with no column read yet; fill it with the value methods. */
  FundJournalImage() {}

  /** The index of a FUND_JOURNAL column, or -1. */
  static int columnOf(String name) {
    return switch (name) {
      case "INIT_DATE" -> INIT_DATE;
      case "SERIAL_NO" -> SERIAL_NO;
      case "OCCUR_TIME" -> OCCUR_TIME;
      case "CLIENT_ID" -> CLIENT_ID;
      case "FUND_ACCOUNT" -> FUND_ACCOUNT;
      case "BRANCH_NO" -> BRANCH_NO;
      case "MONEY_TYPE" -> MONEY_TYPE;
      case "BUSINESS_FLAG" -> BUSINESS_FLAG;
      case "OCCUR_BALANCE" -> OCCUR_BALANCE;
      case "POST_BALANCE" -> POST_BALANCE;
      case "CHANNEL" -> CHANNEL;
      case "REMARK" -> REMARK;
      default -> -1;
    };
  }

  /** The index of the column named by ASCII bytes {@code b[off, off + len)}, or -1. */
  static int columnOf(byte[] b, int off, int len) {
    if (len < 6) {
      return -1;
    }
    // Length and first letter leave one candidate; its bytes then must match.
    byte first = b[off];
    int column =
        switch (len) {
          case 6 -> first == 'R' ? REMARK : -1;
          case 7 -> first == 'C' ? CHANNEL : -1;
          case 9 ->
              first == 'I'
                  ? INIT_DATE
                  : first == 'S'
                      ? SERIAL_NO
                      : first == 'C' ? CLIENT_ID : first == 'B' ? BRANCH_NO : -1;
          case 10 -> first == 'O' ? OCCUR_TIME : first == 'M' ? MONEY_TYPE : -1;
          case 12 -> first == 'F' ? FUND_ACCOUNT : first == 'P' ? POST_BALANCE : -1;
          case 13 -> first == 'B' ? BUSINESS_FLAG : first == 'O' ? OCCUR_BALANCE : -1;
          default -> -1;
        };
    return column >= 0 && Arrays.equals(b, off, off + len, COLUMN_BYTES[column], 0, len)
        ? column
        : -1;
  }

  /**
   * Reads the image whose {@code START_OBJECT} is the parser's current token, up to its {@code
   * END_OBJECT}; null as soon as the image is one to leave to the slower paths (the parser is then
   * left somewhere inside it).
   */
  static FundJournalImage read(JsonParser p) throws IOException {
    FundJournalImage image = new FundJournalImage();
    String name;
    while ((name = p.nextFieldName()) != null) {
      int column = columnOf(name);
      if (column < 0 || !image.token(column, p, p.nextToken())) {
        return null;
      }
    }
    return p.currentToken() == JsonToken.END_OBJECT ? image : null;
  }

  private boolean token(int column, JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return text(column, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      case VALUE_NULL:
        return nullValue(column);
      case VALUE_NUMBER_INT:
        JsonParser.NumberType type = p.getNumberType();
        return (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG)
            && integer(column, p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return decimalNumber(column, p.getDecimalValue());
      default:
        return false;
    }
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

  /**
   * What {@link ChangeEventAssembler#assemble} decodes from these images, or null where it might
   * say otherwise (a partial before image of an update, which it drops, is left to it too).
   */
  static DecodeResult.Decoded change(
      ChangeEventAssembler.Header header,
      FundJournalImage beforeImage,
      DecimalScales beforeScales,
      FundJournalImage afterImage,
      DecimalScales afterScales) {
    ChangeOp op = header.op();
    if (header.table() != SourceTable.FUND_JOURNAL
        || (op.upserts() && afterImage == null)
        || (op == ChangeOp.DELETE && beforeImage == null)) {
      return null;
    }
    FundJournalEntry after = null;
    if (op.upserts()) {
      after = afterImage.toEntry(afterScales);
      if (after == null) {
        return null;
      }
    }
    FundJournalEntry before = null;
    if (beforeImage != null && (op == ChangeOp.UPDATE || op == ChangeOp.DELETE)) {
      before = beforeImage.toEntry(beforeScales);
      if (before == null) {
        return null;
      }
    }
    return new DecodeResult.Decoded(
        new ChangeEvent(
            header.table(), op, before, after, header.position(), header.sourceTimeMillis()));
  }

  /** Marks a column as read; false when it was already (the last one would win: too rare here). */
  private boolean first(int column) {
    int bit = 1 << column;
    if ((seen & bit) != 0) {
      return false;
    }
    seen |= bit;
    return true;
  }

  /** A JSON null in {@code column}; false when the column may not be null. */
  boolean nullValue(int column) {
    return first(column) && (column == CHANNEL || column == REMARK);
  }

  /** An integral JSON number that fits a long in {@code column}; false when refused. */
  boolean integer(int column, long n) {
    return first(column) && setInteger(column, n);
  }

  private boolean setInteger(int column, long n) {
    switch (column) {
      case INIT_DATE:
        initDate = (int) n;
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE && RowReader.isRealDate(n);
      case SERIAL_NO:
        serialNo = n;
        return n >= -NUMBER_12 && n <= NUMBER_12;
      case BRANCH_NO:
        branchNo = (int) n;
        return n >= -NUMBER_6 && n <= NUMBER_6;
      case BUSINESS_FLAG:
        businessFlag = (int) n;
        return n >= -NUMBER_6 && n <= NUMBER_6;
      case OCCUR_TIME:
        occurTime = RowReader.fromEpoch(n);
        return true;
      case OCCUR_BALANCE:
        return (occurBalance.decimal = MoneyText.exact(BigDecimal.valueOf(n))) != null;
      case POST_BALANCE:
        return (postBalance.decimal = MoneyText.exact(BigDecimal.valueOf(n))) != null;
      default:
        return false;
    }
  }

  /** A JSON number with a fraction or exponent in {@code column}; false when refused. */
  boolean decimalNumber(int column, BigDecimal d) {
    if (!first(column)) {
      return false;
    }
    MoneyCell cell =
        column == OCCUR_BALANCE ? occurBalance : column == POST_BALANCE ? postBalance : null;
    return cell != null && (cell.decimal = MoneyText.exact(d)) != null;
  }

  /** A JSON string {@code c[off, off + len)} in {@code column}; false when refused. */
  boolean text(int column, char[] c, int off, int len) {
    if (!first(column)) {
      return false;
    }
    int from = trimStart(c, off, len);
    int to = trimEnd(c, from, off + len);
    switch (column) {
      case INIT_DATE:
      case SERIAL_NO:
      case BRANCH_NO:
      case BUSINESS_FLAG:
        long n = NumberText.parseLong(c, from, to - from);
        return n != NumberText.NOT_A_LONG && setInteger(column, n);
      case OCCUR_TIME:
        long epoch = NumberText.parseLong(c, from, to - from);
        occurTime =
            epoch != NumberText.NOT_A_LONG
                ? RowReader.fromEpoch(epoch)
                : LocalTimestampText.parse(c, from, to - from);
        return occurTime != null;
      case CLIENT_ID:
        clientId = from < to ? new String(c, from, to - from) : null;
        return clientId != null;
      case FUND_ACCOUNT:
        fundAccount = from < to ? new String(c, from, to - from) : null;
        return fundAccount != null;
      case MONEY_TYPE:
        moneyType = moneyType(c, from, to - from);
        return moneyType != null;
      case OCCUR_BALANCE:
        return moneyText(occurBalance, c, from, to - from);
      case POST_BALANCE:
        return moneyText(postBalance, c, from, to - from);
      case CHANNEL:
        channel = from < to ? new String(c, from, to - from) : null;
        return true;
      case REMARK:
        // Free text keeps its spaces; only an empty one reads as null.
        remark = len > 0 ? new String(c, off, len) : null;
        return true;
      default:
        return false;
    }
  }

  private static boolean moneyText(MoneyCell cell, char[] c, int from, int len) {
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

  private static MoneyType moneyType(char[] c, int from, int len) {
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
