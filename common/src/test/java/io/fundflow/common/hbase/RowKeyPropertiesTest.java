package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.MoneyType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** Properties of the detail and summary rowkeys over generated customers, times and serials. */
class RowKeyPropertiesTest {

  private static final long START_2020 =
      LocalDateTime.of(2020, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
  private static final long END_2030 =
      LocalDateTime.of(2030, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
  private static final long DAY_MILLIS = 86_400_000L;

  record Entry(LocalDateTime occurTime, long serialNo, int initDate) {}

  @Provide
  Arbitrary<String> clientIds() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(18);
  }

  /** Millisecond times in 2020..2030, with extra weight on the last and first milli of a day. */
  @Provide
  Arbitrary<LocalDateTime> times() {
    Arbitrary<Long> anyMilli = Arbitraries.longs().between(START_2020, END_2030);
    Arbitrary<Long> nearMidnight =
        Combinators.combine(
                Arbitraries.longs().between(START_2020 / DAY_MILLIS, END_2030 / DAY_MILLIS),
                Arbitraries.longs().between(-2, 1))
            .as((day, offset) -> day * DAY_MILLIS + offset);
    return Arbitraries.frequencyOf(Tuple.of(3, anyMilli), Tuple.of(1, nearMidnight))
        .map(RowKeyPropertiesTest::ofEpochMilli);
  }

  @Provide
  Arbitrary<Entry> entries() {
    // Few distinct times and serials, so that ties on time and on serial are common.
    Arbitrary<LocalDateTime> time =
        Arbitraries.oneOf(
            times(),
            Arbitraries.of(
                LocalDateTime.of(2025, 3, 14, 23, 59, 59, 999_000_000),
                LocalDateTime.of(2025, 3, 15, 0, 0)));
    Arbitrary<Long> serial =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 999_999_999_999L), Arbitraries.longs().between(0, 3));
    Arbitrary<Integer> initDate = Arbitraries.of(20250314, 20250317, 20241231);
    return Combinators.combine(time, serial, initDate).as(Entry::new);
  }

  @Property
  void byteOrderIsNewestFirstByTimeThenSerial(
      @ForAll("clientIds") String clientId,
      @ForAll @Size(max = 40) List<@From("entries") Entry> entries) {
    List<Entry> bySortedKey =
        entries.stream()
            .sorted(Comparator.comparing((Entry e) -> key(clientId, e), Arrays::compareUnsigned))
            .toList();
    List<Entry> newestFirst =
        entries.stream()
            .sorted(
                Comparator.comparing(Entry::occurTime, Comparator.reverseOrder())
                    .thenComparing(Entry::serialNo, Comparator.reverseOrder())
                    .thenComparing(Entry::initDate))
            .toList();

    assertEquals(newestFirst, bySortedKey);
  }

  @Property
  void everyKeyInTheIntervalIsInExactlyOnePlannedRange(
      @ForAll("clientIds") String clientId,
      @ForAll("times") LocalDateTime from,
      @ForAll("lengths") long lengthMillis,
      @ForAll @Size(min = 1, max = 30) List<@From("probeOffsets") Long> probeOffsets,
      @ForAll("clientIds") String otherClientId) {
    LocalDateTime to = from.plusNanos(lengthMillis * 1_000_000);
    List<KeyRange> ranges = FundFlowRowKey.scanRanges(clientId, from, to);

    for (long offset : probeOffsets) {
      // Probes near from, near to, and anywhere in between or around.
      LocalDateTime probe = (offset % 2 == 0 ? from : to).plusNanos((offset / 2) * 1_000_000);
      boolean inInterval = !probe.isBefore(from) && probe.isBefore(to);
      byte[] key = FundFlowRowKey.encode(clientId, probe, Math.abs(offset) % 1000, 20250314);
      long hits = ranges.stream().filter(r -> r.contains(key)).count();
      assertEquals(
          inInterval ? 1 : 0, hits, () -> "probe " + probe + " in [" + from + ", " + to + ")");

      if (!otherClientId.equals(clientId)) {
        byte[] foreign = FundFlowRowKey.encode(otherClientId, probe, 1, 20250314);
        assertTrue(ranges.stream().noneMatch(r -> r.contains(foreign)), "another customer's row");
      }
    }
  }

  @Property
  void rangesAreOneADayInKeyOrderAndDisjoint(
      @ForAll("clientIds") String clientId,
      @ForAll("times") LocalDateTime from,
      @ForAll("lengths") long lengthMillis) {
    LocalDateTime to = from.plusNanos(lengthMillis * 1_000_000);
    List<KeyRange> ranges = FundFlowRowKey.scanRanges(clientId, from, to);

    long daysTouched =
        lengthMillis == 0
            ? 0
            : to.minusNanos(1_000_000).toLocalDate().toEpochDay()
                - from.toLocalDate().toEpochDay()
                + 1;
    assertEquals(daysTouched, ranges.size());
    for (int i = 1; i < ranges.size(); i++) {
      assertTrue(
          Arrays.compareUnsigned(ranges.get(i - 1).stopExclusive(), ranges.get(i).startInclusive())
              <= 0);
    }
  }

  @Property
  void detailKeyRoundTrips(
      @ForAll("clientIds") String clientId,
      @ForAll("times") LocalDateTime occurTime,
      @ForAll("serials") long serialNo,
      @ForAll("initDates") int initDate) {
    FundFlowRowKey key = new FundFlowRowKey(clientId, occurTime, serialNo, initDate);
    byte[] bytes = key.toBytes();

    assertEquals(FundFlowRowKey.LENGTH, bytes.length);
    assertEquals(key, FundFlowRowKey.decode(bytes));
    assertEquals(CustomerSalt.of(clientId), bytes[0]);
    assertTrue(FundFlowRowKey.hasInitDate(bytes, initDate));
  }

  @Property
  void summaryKeyRoundTripsAndSharesTheDetailSalt(
      @ForAll("clientIds") String clientId,
      @ForAll("initDates") int initDate,
      @ForAll MoneyType moneyType) {
    CustomerDayRowKey key = new CustomerDayRowKey(clientId, initDate, moneyType);
    byte[] bytes = key.toBytes();

    assertEquals(CustomerDayRowKey.LENGTH, bytes.length);
    assertEquals(key, CustomerDayRowKey.decode(bytes));
    assertEquals(FundFlowRowKey.salt(clientId), bytes[0]);
  }

  @Property
  void summaryRangesHoldExactlyTheDaysInRange(
      @ForAll("clientIds") String clientId,
      @ForAll("initDates") int fromDate,
      @ForAll("dayCounts") int days,
      @ForAll("dayOffsets") int probeOffset,
      @ForAll MoneyType moneyType) {
    LocalDate from = Yyyymmdd.toDate(fromDate);
    LocalDate to = from.plusDays(days);
    LocalDate probe = from.plusDays(probeOffset);
    List<KeyRange> ranges = CustomerDayRowKey.scanRanges(clientId, from, to);
    byte[] key = CustomerDayRowKey.encode(clientId, Yyyymmdd.of(probe), moneyType);

    boolean inRange = !probe.isBefore(from) && probe.isBefore(to);
    assertEquals(days, ranges.size());
    assertEquals(inRange ? 1 : 0, ranges.stream().filter(r -> r.contains(key)).count());
  }

  @Provide
  Arbitrary<Long> lengths() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 3 * DAY_MILLIS),
        Arbitraries.longs().between(0, 40 * DAY_MILLIS),
        Arbitraries.of(0L, 1L, DAY_MILLIS, DAY_MILLIS - 1, DAY_MILLIS + 1));
  }

  @Provide
  Arbitrary<Long> probeOffsets() {
    // Even: relative to "from", odd: relative to "to"; value/2 is the offset in millis.
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-6, 6),
        Arbitraries.longs().between(-4 * DAY_MILLIS, 4 * DAY_MILLIS),
        Arbitraries.longs().between(-90 * DAY_MILLIS, 90 * DAY_MILLIS));
  }

  @Provide
  Arbitrary<Long> serials() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  @Provide
  Arbitrary<Integer> initDates() {
    return Arbitraries.longs()
        .between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
        .map(d -> Yyyymmdd.of(LocalDate.ofEpochDay(d)));
  }

  @Provide
  Arbitrary<Integer> dayCounts() {
    return Arbitraries.integers().between(0, 400);
  }

  @Provide
  Arbitrary<Integer> dayOffsets() {
    return Arbitraries.integers().between(-3, 403);
  }

  private static byte[] key(String clientId, Entry e) {
    return FundFlowRowKey.encode(clientId, e.occurTime(), e.serialNo(), e.initDate());
  }

  private static LocalDateTime ofEpochMilli(long millis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC);
  }
}
