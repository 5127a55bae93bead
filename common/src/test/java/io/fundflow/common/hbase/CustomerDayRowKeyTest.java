package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.MoneyType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerDayRowKeyTest {

  private static final String CLIENT = "C0001"; // salt 12

  @Test
  void layoutIsByteExact() {
    byte[] key = CustomerDayRowKey.encode(CLIENT, 20250314, MoneyType.HKD);

    assertEquals(
        "0c"
            + "04c0e235"
            + HexFormat.of().formatHex("C0001".getBytes(StandardCharsets.US_ASCII))
            + "00".repeat(13)
            + HexFormat.of().formatHex("HKD".getBytes(StandardCharsets.US_ASCII)),
        HexFormat.of().formatHex(key));
  }

  @Test
  void newerTradingDaysSortFirst() {
    byte[] friday = CustomerDayRowKey.encode(CLIENT, 20250314, MoneyType.CNY);
    byte[] monday = CustomerDayRowKey.encode(CLIENT, 20250317, MoneyType.CNY);
    assertTrue(Arrays.compareUnsigned(monday, friday) < 0);
  }

  @Test
  void rangesAreOnePerDayNewestFirstWithEveryCurrency() {
    List<KeyRange> ranges =
        CustomerDayRowKey.scanRanges(CLIENT, LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 17));

    assertEquals(3, ranges.size());
    for (MoneyType m : MoneyType.values()) {
      assertTrue(ranges.get(0).contains(CustomerDayRowKey.encode(CLIENT, 20250316, m)));
      assertTrue(ranges.get(2).contains(CustomerDayRowKey.encode(CLIENT, 20250314, m)));
    }
    byte[] excludedEnd = CustomerDayRowKey.encode(CLIENT, 20250317, MoneyType.CNY);
    assertTrue(ranges.stream().noneMatch(r -> r.contains(excludedEnd)));
  }

  @Test
  void dayPrefixesAreTheSixteenSaltsOfTheDay() {
    List<byte[]> prefixes = CustomerDayRowKey.dayPrefixes(20250314);
    assertEquals(16, prefixes.size());
    byte[] key = CustomerDayRowKey.encode(CLIENT, 20250314, MoneyType.USD);
    assertTrue(KeyRange.prefix(prefixes.get(12)).contains(key));
    assertEquals(1, prefixes.stream().filter(p -> KeyRange.prefix(p).contains(key)).count());
  }

  @Test
  void decodeRejectsUnknownCurrencyAndWrongLength() {
    byte[] key = CustomerDayRowKey.encode(CLIENT, 20250314, MoneyType.CNY);
    byte[] eur = key.clone();
    System.arraycopy("EUR".getBytes(StandardCharsets.US_ASCII), 0, eur, 23, 3);

    assertThrows(IllegalArgumentException.class, () -> CustomerDayRowKey.decode(eur));
    assertThrows(
        IllegalArgumentException.class, () -> CustomerDayRowKey.decode(Arrays.copyOf(key, 25)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CustomerDayRowKey.scanRanges(
                CLIENT, LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 1)));
  }
}
