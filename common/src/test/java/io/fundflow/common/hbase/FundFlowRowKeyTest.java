package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundFlowRowKeyTest {

  private static final String CLIENT = "100200300"; // salt 7, see CustomerSaltTest
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] key(LocalDateTime t, long serial) {
    return FundFlowRowKey.encode(CLIENT, t, serial, 20250314);
  }

  private static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Test
  void layoutIsByteExact() {
    byte[] key =
        FundFlowRowKey.encode(
            CLIENT, LocalDateTime.of(2025, 3, 14, 9, 30, 0, 5_000_000), 42, 20250314);

    assertEquals(39, key.length);
    String expected =
        "07" // salt of 100200300
            + "04c0e235" // 99999999 - 20250314 = 79749685
            + HEX.formatHex("100200300".getBytes())
            + "000000000000000000" // padded to 18
            + "031c823a" // 86399999 - 34200005 = 52199994
            + "7fffffffffffffd5" // Long.MAX_VALUE - 42
            + "0134feca"; // 20250314
    assertEquals(expected, HEX.formatHex(key));
  }

  @Test
  void lastMilliOfADaySortsAfterFirstMilliOfTheNextDay() {
    byte[] lateMonday = key(LocalDateTime.of(2025, 3, 10, 23, 59, 59, 999_000_000), 1);
    byte[] earlyTuesday = key(LocalDateTime.of(2025, 3, 11, 0, 0), 1);

    assertTrue(compare(earlyTuesday, lateMonday) < 0, "newer day must come first");
  }

  @Test
  void sameTimeOrdersByHigherSerialFirst() {
    LocalDateTime t = LocalDateTime.of(2025, 3, 14, 10, 0);
    assertTrue(compare(key(t, 1001), key(t, 1000)) < 0);
  }

  @Test
  void subMillisecondDigitsAreDropped() {
    LocalDateTime withMicros = LocalDateTime.of(2025, 3, 14, 10, 0, 0, 123_456_789);
    FundFlowRowKey decoded = FundFlowRowKey.decode(key(withMicros, 7));

    assertEquals(LocalDateTime.of(2025, 3, 14, 10, 0, 0, 123_000_000), decoded.occurTime());
  }

  @Test
  void roundTripsEveryField() {
    FundFlowRowKey original =
        new FundFlowRowKey(
            "A",
            LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_000_000),
            999_999_999_999L,
            20250102);

    assertEquals(original, FundFlowRowKey.decode(original.toBytes()));
  }

  @Test
  void keyOfAJournalEntryUsesItsKeyColumns() {
    LocalDateTime t = LocalDateTime.of(2025, 3, 14, 9, 31);
    FundJournalEntry entry =
        new FundJournalEntry(
            20250314,
            88,
            t,
            CLIENT,
            "F1",
            1001,
            MoneyType.CNY,
            2041,
            new BigDecimal("100.00"),
            new BigDecimal("200.00"),
            "MB",
            null);

    assertArrayEquals(key(t, 88), FundFlowRowKey.of(entry).toBytes());
  }

  @Test
  void rejectsClientIdsThatDoNotFitTheField() {
    LocalDateTime t = LocalDateTime.of(2025, 3, 14, 9, 31);
    assertThrows(
        IllegalArgumentException.class,
        () -> FundFlowRowKey.encode("1234567890123456789", t, 1, 20250314));
    assertThrows(
        IllegalArgumentException.class, () -> FundFlowRowKey.encode("客户1", t, 1, 20250314));
    assertThrows(IllegalArgumentException.class, () -> FundFlowRowKey.encode("", t, 1, 20250314));
    assertThrows(
        IllegalArgumentException.class, () -> FundFlowRowKey.encode("A\u0000B", t, 1, 20250314));
  }

  @Test
  void acceptsAnEighteenCharacterClientId() {
    String longest = "123456789012345678";
    LocalDateTime t = LocalDateTime.of(2025, 3, 14, 9, 31);
    assertEquals(
        longest, FundFlowRowKey.decode(FundFlowRowKey.encode(longest, t, 1, 20250314)).clientId());
  }

  @Test
  void rejectsNegativeSerialAndInvalidInitDate() {
    LocalDateTime t = LocalDateTime.of(2025, 3, 14, 9, 31);
    assertThrows(
        IllegalArgumentException.class, () -> FundFlowRowKey.encode(CLIENT, t, -1, 20250314));
    assertThrows(
        IllegalArgumentException.class, () -> FundFlowRowKey.encode(CLIENT, t, 1, 20250230));
    assertThrows(IllegalArgumentException.class, () -> FundFlowRowKey.encode(CLIENT, t, 1, 0));
  }

  @Test
  void decodeRejectsWrongLengthAndForeignSalt() {
    byte[] good = key(LocalDateTime.of(2025, 3, 14, 9, 31), 1);
    assertThrows(
        IllegalArgumentException.class, () -> FundFlowRowKey.decode(Arrays.copyOf(good, 38)));

    byte[] wrongSalt = good.clone();
    wrongSalt[0] = 8;
    assertThrows(IllegalArgumentException.class, () -> FundFlowRowKey.decode(wrongSalt));
  }

  @Test
  void initDateSuffixIsReadWithoutDecoding() {
    byte[] key = FundFlowRowKey.encode(CLIENT, LocalDateTime.of(2025, 3, 13, 20, 0), 5, 20250314);

    assertEquals(20250314, FundFlowRowKey.initDateOf(key));
    assertTrue(FundFlowRowKey.hasInitDate(key, 20250314));
    assertFalse(FundFlowRowKey.hasInitDate(key, 20250313));
    assertFalse(FundFlowRowKey.hasInitDate(Arrays.copyOf(key, 35), 20250314));
  }

  @Test
  void rangeWithinOneDayIsOneRangeBoundedByTheTimes() {
    LocalDateTime from = LocalDateTime.of(2025, 3, 14, 9, 30);
    LocalDateTime to = LocalDateTime.of(2025, 3, 14, 11, 30);
    List<KeyRange> ranges = FundFlowRowKey.scanRanges(CLIENT, from, to);

    assertEquals(1, ranges.size());
    KeyRange range = ranges.get(0);
    assertTrue(range.contains(key(from, 1)));
    assertTrue(range.contains(key(from, Long.MAX_VALUE)));
    assertTrue(range.contains(key(to.minusNanos(1_000_000), 0)));
    assertFalse(range.contains(key(to, 1)));
    assertFalse(range.contains(key(from.minusNanos(1_000_000), 1)));
  }

  @Test
  void toAtMidnightSpansNoPartOfTheNextDay() {
    LocalDateTime from = LocalDateTime.of(2025, 3, 14, 0, 0);
    LocalDateTime to = LocalDateTime.of(2025, 3, 15, 0, 0);
    List<KeyRange> ranges = FundFlowRowKey.scanRanges(CLIENT, from, to);

    assertEquals(1, ranges.size());
    assertTrue(ranges.get(0).contains(key(from, 1)));
    assertTrue(
        ranges.get(0).contains(key(LocalDateTime.of(2025, 3, 14, 23, 59, 59, 999_000_000), 1)));
    assertFalse(ranges.get(0).contains(key(to, 1)));
  }

  @Test
  void rangeAcrossMidnightIsTwoRangesNewestDayFirst() {
    LocalDateTime lateMonday = LocalDateTime.of(2025, 3, 10, 23, 59, 59, 999_000_000);
    LocalDateTime midnight = LocalDateTime.of(2025, 3, 11, 0, 0);
    List<KeyRange> ranges =
        FundFlowRowKey.scanRanges(CLIENT, lateMonday, midnight.plusNanos(1_000_000));

    assertEquals(2, ranges.size());
    assertTrue(ranges.get(0).contains(key(midnight, 1)), "Tuesday first");
    assertFalse(ranges.get(0).contains(key(lateMonday, 1)));
    assertTrue(ranges.get(1).contains(key(lateMonday, 1)));
    assertFalse(ranges.get(1).contains(key(midnight, 1)));
  }

  @Test
  void thirtyDaysAreThirtyRanges() {
    LocalDateTime from = LocalDateTime.of(2025, 3, 1, 0, 0);
    List<KeyRange> ranges = FundFlowRowKey.scanRanges(CLIENT, from, from.plusDays(30));

    assertEquals(30, ranges.size());
    assertTrue(ranges.get(0).contains(key(LocalDateTime.of(2025, 3, 30, 12, 0), 1)));
    assertTrue(ranges.get(29).contains(key(LocalDateTime.of(2025, 3, 1, 12, 0), 1)));
  }

  @Test
  void emptyAndReversedRanges() {
    LocalDateTime t = LocalDateTime.of(2025, 3, 14, 9, 30);
    assertTrue(FundFlowRowKey.scanRanges(CLIENT, t, t).isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> FundFlowRowKey.scanRanges(CLIENT, t, t.minusSeconds(1)));
  }

  @Test
  void dayPrefixesCoverEveryCustomerOfTheDayAndNothingElse() {
    LocalDate day = LocalDate.of(2025, 3, 13);
    List<byte[]> prefixes = FundFlowRowKey.dayPrefixes(day);
    List<KeyRange> ranges = FundFlowRowKey.dayRanges(day);

    assertEquals(HBaseLayout.SALT_BUCKETS, prefixes.size());
    for (int salt = 0; salt < prefixes.size(); salt++) {
      assertEquals(5, prefixes.get(salt).length);
      assertEquals(salt, prefixes.get(salt)[0]);
    }
    for (String client : List.of("000000000001", "100200300", "C0001", "880012345678", "A")) {
      byte[] inDay = FundFlowRowKey.encode(client, day.atTime(15, 1), 3, 20250314);
      byte[] nextDay = FundFlowRowKey.encode(client, day.plusDays(1).atStartOfDay(), 3, 20250314);
      assertEquals(1, ranges.stream().filter(r -> r.contains(inDay)).count(), client);
      assertEquals(0, ranges.stream().filter(r -> r.contains(nextDay)).count(), client);
    }
  }
}
