package io.fundflow.common.hbase;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Dates as the source system writes them: an int {@code yyyymmdd}, e.g. 20250314. */
final class Yyyymmdd {

  /** The bucket value of a day is this minus its {@code yyyymmdd}, so later days sort first. */
  static final int BUCKET_BASE = 99_999_999;

  private Yyyymmdd() {}

  /** {@code day} as {@code yyyymmdd}; years outside 1..9999 do not fit eight digits. */
  static int of(LocalDate day) {
    int year = day.getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range 1..9999: " + day);
    }
    return year * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
  }

  /** The date an int {@code yyyymmdd} names; rejects numbers that are not a calendar date. */
  static LocalDate toDate(int yyyymmdd) {
    if (yyyymmdd < 1_01_01 || yyyymmdd > 9999_12_31) {
      throw new IllegalArgumentException("not a yyyymmdd date: " + yyyymmdd);
    }
    try {
      return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a yyyymmdd date: " + yyyymmdd, e);
    }
  }

  /** Checks that {@code yyyymmdd} is a calendar date and returns it unchanged. */
  static int require(int yyyymmdd) {
    toDate(yyyymmdd);
    return yyyymmdd;
  }

  /** The descending day bucket of {@code day}: newer days give smaller numbers. */
  static int bucket(LocalDate day) {
    return BUCKET_BASE - of(day);
  }

  /** The day a bucket value stands for. */
  static LocalDate dayOfBucket(int bucket) {
    return toDate(BUCKET_BASE - bucket);
  }
}
