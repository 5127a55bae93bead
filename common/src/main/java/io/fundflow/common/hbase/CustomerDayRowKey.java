package io.fundflow.common.hbase;

import io.fundflow.common.model.MoneyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rowkey of a customer-day summary in {@code fundflow:customer_day}, one row per (CLIENT_ID,
 * INIT_DATE, MONEY_TYPE). 26 bytes, compared as unsigned bytes:
 *
 * <pre>
 * offset  width  field
 *      0      1  salt        same as the customer's detail rows, see {@link CustomerSalt}
 *      1      4  day bucket  99_999_999 - INIT_DATE (int32 BE): newest trading day first
 *      5     18  CLIENT_ID   ASCII, right-padded with 0x00
 *     23      3  MONEY_TYPE  ASCII, e.g. CNY
 * </pre>
 *
 * @param clientId CLIENT_ID, 1..18 printable ASCII characters
 * @param initDate INIT_DATE as yyyymmdd
 * @param moneyType the currency the summary is in
 */
public record CustomerDayRowKey(String clientId, int initDate, MoneyType moneyType) {

  /** Length of every summary rowkey. */
  public static final int LENGTH = 26;

  static final int BUCKET_OFFSET = 1;
  static final int CLIENT_OFFSET = 5;
  static final int MONEY_TYPE_OFFSET = CLIENT_OFFSET + ClientIdBytes.WIDTH;

  private static final int MONEY_TYPE_WIDTH = 3;

  public CustomerDayRowKey {
    ClientIdBytes.validBytes(clientId);
    Yyyymmdd.require(initDate);
    if (moneyType == null) {
      throw new IllegalArgumentException("MONEY_TYPE must not be null");
    }
  }

  /** The rowkey bytes of one summary. */
  public static byte[] encode(String clientId, int initDate, MoneyType moneyType) {
    return new CustomerDayRowKey(clientId, initDate, moneyType).toBytes();
  }

  /** The fields of a rowkey; rejects anything that {@link #toBytes()} cannot have produced. */
  public static CustomerDayRowKey decode(byte[] rowKey) {
    if (rowKey.length != LENGTH) {
      throw new IllegalArgumentException(
          "customer-day rowkey must be " + LENGTH + " bytes, got " + rowKey.length);
    }
    int initDate = Yyyymmdd.of(Yyyymmdd.dayOfBucket(ByteBuffer.wrap(rowKey).getInt(BUCKET_OFFSET)));
    String clientId = ClientIdBytes.read(rowKey, CLIENT_OFFSET);
    String money =
        new String(rowKey, MONEY_TYPE_OFFSET, MONEY_TYPE_WIDTH, StandardCharsets.US_ASCII);
    MoneyType moneyType;
    try {
      moneyType = MoneyType.valueOf(money);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown MONEY_TYPE in rowkey: \"" + money + "\"", e);
    }
    CustomerDayRowKey key = new CustomerDayRowKey(clientId, initDate, moneyType);
    if (rowKey[0] != key.salt()) {
      throw new IllegalArgumentException(
          "salt byte " + rowKey[0] + " does not match CLIENT_ID \"" + clientId + "\"");
    }
    return key;
  }

  /** This key's salt. */
  public int salt() {
    return CustomerSalt.of(clientId);
  }

  /** The 26 rowkey bytes. */
  public byte[] toBytes() {
    byte[] key = customerPrefix(clientId, Yyyymmdd.toDate(initDate), LENGTH);
    byte[] money = moneyType.name().getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(money, 0, key, MONEY_TYPE_OFFSET, MONEY_TYPE_WIDTH);
    return key;
  }

  /**
   * The ranges holding the customer's summaries of trading days in {@code [fromDate,
   * toDateExclusive)}, every currency: one per day, newest first. Empty when the dates are equal.
   *
   * @throws IllegalArgumentException when {@code fromDate} is after {@code toDateExclusive}
   */
  public static List<KeyRange> scanRanges(
      String clientId, LocalDate fromDate, LocalDate toDateExclusive) {
    if (fromDate.isAfter(toDateExclusive)) {
      throw new IllegalArgumentException(
          "fromDate " + fromDate + " is after toDateExclusive " + toDateExclusive);
    }
    List<KeyRange> ranges = new ArrayList<>();
    for (LocalDate day = toDateExclusive.minusDays(1);
        !day.isBefore(fromDate);
        day = day.minusDays(1)) {
      ranges.add(KeyRange.prefix(customerPrefix(clientId, day, MONEY_TYPE_OFFSET)));
    }
    return List.copyOf(ranges);
  }

  /** The 16 {@code salt | bucket} prefixes, in salt order, that hold every summary of a day. */
  public static List<byte[]> dayPrefixes(int initDate) {
    // Same first five bytes as the detail table's day prefixes, with INIT_DATE as the day.
    return FundFlowRowKey.dayPrefixes(Yyyymmdd.toDate(initDate));
  }

  private static byte[] customerPrefix(String clientId, LocalDate initDay, int length) {
    byte[] bytes = new byte[length];
    bytes[0] = (byte) CustomerSalt.of(clientId);
    ByteBuffer.wrap(bytes).putInt(BUCKET_OFFSET, Yyyymmdd.bucket(initDay));
    ClientIdBytes.write(clientId, bytes, CLIENT_OFFSET);
    return bytes;
  }
}
