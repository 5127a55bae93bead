package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortedMergeTest {

  @Test
  void pairsEqualKeysAndReportsOneSidedKeysInKeyOrder() throws Exception {
    List<RowCell> expected = List.of(row(0x01, "a"), row(0x03, "c"), row(0x80, "x"));
    List<RowCell> served = List.of(row(0x02, "b"), row(0x03, "C"), row(0x7f, "y"), row(0xff, "z"));

    assertEquals(
        List.of("01 a -", "02 - b", "03 c C", "7f - y", "80 x -", "ff - z"),
        merged(expected, served));
  }

  @Test
  void aRepeatedExpectedKeyIsPairedWithTheOneServedRowEachTime() throws Exception {
    assertEquals(
        List.of("05 a s", "05 b s", "06 - t"),
        merged(List.of(row(0x05, "a"), row(0x05, "b")), List.of(row(0x05, "s"), row(0x06, "t"))));
  }

  @Test
  void eitherSideMayBeEmpty() throws Exception {
    assertEquals(List.of("01 a -"), merged(List.of(row(0x01, "a")), List.of()));
    assertEquals(List.of("01 - s"), merged(List.of(), List.of(row(0x01, "s"))));
    assertEquals(List.of(), merged(List.of(), List.of()));
  }

  private static List<String> merged(List<RowCell> expected, List<RowCell> served)
      throws Exception {
    List<String> out = new ArrayList<>();
    SortedMerge.merge(
        expected.iterator(),
        served.iterator(),
        (key, e, s) -> out.add(String.format("%02x %s %s", key[0] & 0xff, text(e), text(s))));
    return out;
  }

  private static RowCell row(int key, String value) {
    return new RowCell(new byte[] {(byte) key}, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(byte[] value) {
    return value == null ? "-" : new String(value, StandardCharsets.UTF_8);
  }
}
