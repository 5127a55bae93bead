package io.fundflow.common.hbase;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Codec of {@code fundflow:day_bucket}: for each trading day (INIT_DATE) the occur-day buckets of
 * {@code fund_flow} that hold its entries. Rowkey = INIT_DATE (int32 BE); one qualifier per occur
 * day (yyyymmdd, int32 BE); empty value. Most of a day's entries occur that day, but some occur
 * earlier and are booked to the next trading day; the manifest lets the nightly correction find
 * them without a full scan.
 */
public final class DayBucketManifest {

  private DayBucketManifest() {}

  /** The manifest row of a trading day. */
  public static byte[] rowKey(int initDate) {
    return ByteBuffer.allocate(4).putInt(Yyyymmdd.require(initDate)).array();
  }

  /** The trading day of a manifest rowkey. */
  public static int initDate(byte[] rowKey) {
    return Yyyymmdd.require(readInt(rowKey, "manifest rowkey"));
  }

  /**
   * The qualifier that records {@code occurDay}: the day as yyyymmdd text, readable in the HBase
   * shell. The cell's value is empty; its presence is the record.
   */
  public static String qualifier(LocalDate occurDay) {
    return Integer.toString(Yyyymmdd.of(occurDay));
  }

  /**
   * The occur day a qualifier records.
   *
   * @throws IllegalArgumentException when the qualifier is not a yyyymmdd date
   */
  public static LocalDate occurDay(String qualifier) {
    if (qualifier.length() != 8 || !qualifier.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw new IllegalArgumentException("manifest qualifier must be yyyymmdd, got '" + qualifier + "'");
    }
    return Yyyymmdd.toDate(Integer.parseInt(qualifier));
  }

  /**
   * The occur days whose buckets the correction of {@code initDate} scans, newest first: the
   * trading day itself, every day the manifest recorded, and every occur day in the authoritative
   * day-end data (a safety net: should a manifest write ever be lost, the stream's rows of that day
   * almost always sit in one of those buckets too).
   */
  public static NavigableSet<LocalDate> daysToScan(
      int initDate,
      Collection<LocalDate> manifestDays,
      Collection<LocalDate> authoritativeOccurDays) {
    NavigableSet<LocalDate> days = new TreeSet<>(Comparator.reverseOrder());
    days.add(Yyyymmdd.toDate(initDate));
    days.addAll(manifestDays);
    days.addAll(authoritativeOccurDays);
    return days;
  }

  private static int readInt(byte[] bytes, String what) {
    if (bytes.length != 4) {
      throw new IllegalArgumentException(what + " must be 4 bytes, got " + bytes.length);
    }
    return ByteBuffer.wrap(bytes).getInt();
  }
}
