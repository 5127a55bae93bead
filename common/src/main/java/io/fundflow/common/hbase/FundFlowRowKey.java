package io.fundflow.common.hbase;

import io.fundflow.common.model.FundJournalEntry;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rowkey of a fund-flow detail row in {@code fundflow:fund_flow}, one row per journal entry. 39
 * bytes, compared as unsigned bytes:
 *
 * <pre>
 * offset  width  field
 *      0      1  salt          CRC32(CLIENT_ID) mod 16, see {@link CustomerSalt}
 *      1      4  day bucket    99_999_999 - yyyymmdd of OCCUR_TIME (int32 BE): newest day first
 *      5     18  CLIENT_ID     ASCII, right-padded with 0x00
 *     23      4  time of day   86_399_999 - millis of day of OCCUR_TIME (int32 BE): newest first
 *     27      8  serial        Long.MAX_VALUE - SERIAL_NO (int64 BE): higher serial first
 *     35      4  INIT_DATE     yyyymmdd (int32 BE): with SERIAL_NO, the entry's source key
 * </pre>
 *
 * <p>OCCUR_TIME is Asia/Shanghai local time, kept to the millisecond (finer digits are dropped).
 * The same entry always gives the same key, so a replay overwrites its row. See {@code
 * docs/rowkey.md} for the reasons.
 *
 * @param clientId CLIENT_ID, 1..18 printable ASCII characters
 * @param occurTime OCCUR_TIME, truncated to milliseconds
 * @param serialNo SERIAL_NO, non-negative
 * @param initDate INIT_DATE as yyyymmdd
 */
public record FundFlowRowKey(
    String clientId, LocalDateTime occurTime, long serialNo, int initDate) {

  /** Length of every detail rowkey. */
  public static final int LENGTH = 39;

  static final int BUCKET_OFFSET = 1;
  static final int CLIENT_OFFSET = 5;
  static final int TIME_OFFSET = CLIENT_OFFSET + ClientIdBytes.WIDTH;
  static final int SERIAL_OFFSET = TIME_OFFSET + 4;

  /** Where the INIT_DATE suffix starts: bytes [35, 39). */
  public static final int INIT_DATE_OFFSET = SERIAL_OFFSET + 8;

  /** Length of a {@code salt | bucket} prefix. */
  public static final int DAY_PREFIX_LENGTH = CLIENT_OFFSET;

  /** Length of a {@code salt | bucket | CLIENT_ID} prefix. */
  public static final int CUSTOMER_DAY_PREFIX_LENGTH = TIME_OFFSET;

  private static final int LAST_MILLI_OF_DAY = 86_399_999;
  private static final int MILLIS_PER_DAY = 86_400_000;

  public FundFlowRowKey {
    ClientIdBytes.validBytes(clientId);
    if (occurTime == null) {
      throw new IllegalArgumentException("OCCUR_TIME must not be null");
    }
    occurTime = occurTime.truncatedTo(ChronoUnit.MILLIS);
    Yyyymmdd.of(occurTime.toLocalDate());
    if (serialNo < 0) {
      throw new IllegalArgumentException("SERIAL_NO must be >= 0: " + serialNo);
    }
    Yyyymmdd.require(initDate);
  }

  /** The key of a journal entry. */
  public static FundFlowRowKey of(FundJournalEntry entry) {
    return new FundFlowRowKey(
        entry.clientId(), entry.occurTime(), entry.serialNo(), entry.initDate());
  }

  /** The rowkey bytes of one entry. */
  public static byte[] encode(
      String clientId, LocalDateTime occurTime, long serialNo, int initDate) {
    return new FundFlowRowKey(clientId, occurTime, serialNo, initDate).toBytes();
  }

  /** The fields of a rowkey; rejects anything that {@link #toBytes()} cannot have produced. */
  public static FundFlowRowKey decode(byte[] rowKey) {
    if (rowKey.length != LENGTH) {
      throw new IllegalArgumentException(
          "fund-flow rowkey must be " + LENGTH + " bytes, got " + rowKey.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(rowKey);
    LocalDate day = Yyyymmdd.dayOfBucket(buf.getInt(BUCKET_OFFSET));
    String clientId = ClientIdBytes.read(rowKey, CLIENT_OFFSET);
    int millisOfDay = LAST_MILLI_OF_DAY - buf.getInt(TIME_OFFSET);
    if (millisOfDay < 0 || millisOfDay > LAST_MILLI_OF_DAY) {
      throw new IllegalArgumentException("time-of-day field out of range: " + millisOfDay);
    }
    LocalDateTime occurTime = day.atTime(LocalTime.ofNanoOfDay(millisOfDay * 1_000_000L));
    long serialNo = Long.MAX_VALUE - buf.getLong(SERIAL_OFFSET);
    FundFlowRowKey key =
        new FundFlowRowKey(clientId, occurTime, serialNo, buf.getInt(INIT_DATE_OFFSET));
    if (rowKey[0] != key.salt()) {
      throw new IllegalArgumentException(
          "salt byte " + rowKey[0] + " does not match CLIENT_ID \"" + clientId + "\"");
    }
    return key;
  }

  /** The salt of {@code clientId}: every row of one customer carries it. */
  public static int salt(String clientId) {
    return CustomerSalt.of(clientId);
  }

  /** This key's salt. */
  public int salt() {
    return CustomerSalt.of(clientId);
  }

  /** The 39 rowkey bytes. */
  public byte[] toBytes() {
    // The id's bytes once (the constructor validated it): salt and field both come from them.
    byte[] id = ClientIdBytes.validBytes(clientId);
    byte[] key = new byte[LENGTH];
    key[0] = (byte) CustomerSalt.ofValidBytes(id);
    ClientIdBytes.write(id, key, CLIENT_OFFSET);
    int millisOfDay = (int) (occurTime.toLocalTime().toNanoOfDay() / 1_000_000L);
    ByteBuffer.wrap(key)
        .putInt(BUCKET_OFFSET, Yyyymmdd.bucket(occurTime.toLocalDate()))
        .putInt(TIME_OFFSET, LAST_MILLI_OF_DAY - millisOfDay)
        .putLong(SERIAL_OFFSET, Long.MAX_VALUE - serialNo)
        .putInt(INIT_DATE_OFFSET, initDate);
    return key;
  }

  /**
   * The key ranges that hold exactly the customer's rows with OCCUR_TIME in {@code [from, to)}: one
   * per day bucket the interval touches, newest day first, so scanning them in order yields rows
   * newest first. Times are compared at millisecond precision, as stored. Empty when {@code from}
   * equals {@code to}.
   *
   * @throws IllegalArgumentException when {@code from} is after {@code to}
   */
  public static List<KeyRange> scanRanges(String clientId, LocalDateTime from, LocalDateTime to) {
    LocalDateTime fromMs = from.truncatedTo(ChronoUnit.MILLIS);
    LocalDateTime toMs = to.truncatedTo(ChronoUnit.MILLIS);
    if (fromMs.isAfter(toMs)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    int salt = salt(clientId);
    List<KeyRange> ranges = new ArrayList<>();
    for (LocalDate day = toMs.toLocalDate();
        !day.isBefore(fromMs.toLocalDate());
        day = day.minusDays(1)) {
      // The interval's part within this day, as [lowMillis, highMillis) of the day.
      int lowMillis = day.equals(fromMs.toLocalDate()) ? millisOfDay(fromMs) : 0;
      int highMillis = day.equals(toMs.toLocalDate()) ? millisOfDay(toMs) : MILLIS_PER_DAY;
      if (lowMillis >= highMillis) {
        continue; // "to" at midnight: nothing of that day is in range.
      }
      // The time field is LAST_MILLI_OF_DAY - millis, so millis in [low, high) is the field in
      // [MILLIS_PER_DAY - high, MILLIS_PER_DAY - low): a range on the 27-byte prefix.
      ranges.add(
          new KeyRange(
              timePrefix(salt, day, clientId, MILLIS_PER_DAY - highMillis),
              timePrefix(salt, day, clientId, MILLIS_PER_DAY - lowMillis)));
    }
    return List.copyOf(ranges);
  }

  /**
   * The {@code salt | bucket} prefixes, one per salt in salt order, under which every row with
   * OCCUR_TIME on {@code occurDay} lies: the nightly correction scans these (with {@link
   * #hasInitDate}) instead of the whole table.
   */
  public static List<byte[]> dayPrefixes(LocalDate occurDay) {
    int bucket = Yyyymmdd.bucket(occurDay);
    List<byte[]> prefixes = new ArrayList<>(HBaseLayout.SALT_BUCKETS);
    for (int salt = 0; salt < HBaseLayout.SALT_BUCKETS; salt++) {
      byte[] prefix = new byte[DAY_PREFIX_LENGTH];
      prefix[0] = (byte) salt;
      ByteBuffer.wrap(prefix).putInt(BUCKET_OFFSET, bucket);
      prefixes.add(prefix);
    }
    return List.copyOf(prefixes);
  }

  /** {@link #dayPrefixes} as scan ranges. */
  public static List<KeyRange> dayRanges(LocalDate occurDay) {
    return dayPrefixes(occurDay).stream().map(KeyRange::prefix).toList();
  }

  /** True when the rowkey's INIT_DATE suffix (bytes 35..39) is {@code initDate}. */
  public static boolean hasInitDate(byte[] rowKey, int initDate) {
    return rowKey.length == LENGTH && initDateOf(rowKey) == initDate;
  }

  /** The INIT_DATE suffix of a detail rowkey, without decoding the rest. */
  public static int initDateOf(byte[] rowKey) {
    if (rowKey.length != LENGTH) {
      throw new IllegalArgumentException(
          "fund-flow rowkey must be " + LENGTH + " bytes, got " + rowKey.length);
    }
    return ByteBuffer.wrap(rowKey).getInt(INIT_DATE_OFFSET);
  }

  private static int millisOfDay(LocalDateTime time) {
    return (int) (time.toLocalTime().toNanoOfDay() / 1_000_000L);
  }

  private static byte[] timePrefix(int salt, LocalDate day, String clientId, int timeField) {
    byte[] prefix = customerDayPrefix(salt, day, clientId, TIME_OFFSET + 4);
    ByteBuffer.wrap(prefix).putInt(TIME_OFFSET, timeField);
    return prefix;
  }

  /** A zeroed array of {@code length} bytes that starts with {@code salt | bucket | CLIENT_ID}. */
  private static byte[] customerDayPrefix(int salt, LocalDate day, String clientId, int length) {
    byte[] bytes = new byte[length];
    bytes[0] = (byte) salt;
    ByteBuffer.wrap(bytes).putInt(BUCKET_OFFSET, Yyyymmdd.bucket(day));
    ClientIdBytes.write(clientId, bytes, CLIENT_OFFSET);
    return bytes;
  }
}
