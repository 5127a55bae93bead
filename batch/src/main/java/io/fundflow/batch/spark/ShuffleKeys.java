package io.fundflow.batch.spark;

import io.fundflow.batch.TradeDate;
import java.nio.ByteBuffer;
import java.time.LocalDate;

/**
 * The keys of the correction's one shuffle. Besides each valid flow under its detail rowkey it
 * carries two kinds of control record, keyed {@code salt | 0 0 0 0 | tag [| yyyymmdd]}: a detail
 * rowkey's day bucket is never 0 (it is 99,999,999 minus a yyyymmdd date, at least 8,768), so
 * control records sort before every flow of their salt and each task reads them first.
 *
 * <ul>
 *   <li>a rejected entry (tag 0, salt 0; the value is why), so the task of salt 0 counts them;
 *   <li>an occur day (tag 1, to every salt; empty value): each task learns every occur day of the
 *       day-end data before it scans, as the correction of the whole day needs.
 * </ul>
 */
public final class ShuffleKeys {

  private static final int TAG_OFFSET = 5;
  private static final byte REJECTED_TAG = 0;
  private static final byte OCCUR_DAY_TAG = 1;

  private ShuffleKeys() {}

  /** The key of a rejected entry: salt 0, before every other key. */
  public static byte[] rejected() {
    return new byte[TAG_OFFSET + 1];
  }

  /** The key that tells the task of {@code salt} that the day-end data has entries on {@code day}. */
  public static byte[] occurDay(int salt, LocalDate day) {
    byte[] key = new byte[TAG_OFFSET + 1 + 4];
    key[0] = (byte) salt;
    key[TAG_OFFSET] = OCCUR_DAY_TAG;
    ByteBuffer.wrap(key).putInt(TAG_OFFSET + 1, TradeDate.of(day));
    return key;
  }

  /** Whether {@code key} is a control record's rather than a detail rowkey. */
  public static boolean isControl(byte[] key) {
    return key.length > TAG_OFFSET && key[1] == 0 && key[2] == 0 && key[3] == 0 && key[4] == 0;
  }

  /** Whether the control record {@code key} is a rejected entry's. */
  public static boolean isRejected(byte[] key) {
    return key.length == TAG_OFFSET + 1 && key[TAG_OFFSET] == REJECTED_TAG;
  }

  /** The day of an occur-day control record. */
  public static LocalDate occurDayOf(byte[] key) {
    if (key.length != TAG_OFFSET + 5 || key[TAG_OFFSET] != OCCUR_DAY_TAG) {
      throw new IllegalArgumentException("not an occur-day key");
    }
    return TradeDate.toLocalDate(ByteBuffer.wrap(key).getInt(TAG_OFFSET + 1));
  }
}
