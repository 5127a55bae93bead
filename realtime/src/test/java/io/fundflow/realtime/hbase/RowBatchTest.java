package io.fundflow.realtime.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fundflow.common.hbase.RowMutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RowBatchTest {

  private static final byte[] ROW = "r1".getBytes(StandardCharsets.UTF_8);

  private static RowMutation put(long version, String... cellsAndValues) {
    Map<String, byte[]> cells = new TreeMap<>();
    for (int i = 0; i < cellsAndValues.length; i += 2) {
      cells.put(cellsAndValues[i], cellsAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return RowMutation.put("t", ROW, version, cells);
  }

  private static RowMutation delete(long version) {
    return RowMutation.deleteRow("t", ROW, version);
  }

  private static List<RowMutation> batch(RowMutation... ms) {
    RowBatch b = new RowBatch();
    for (RowMutation m : ms) {
      b.add(m);
    }
    assertEquals(b.size(), b.mutations().size());
    return b.mutations();
  }

  @Test
  void theLastOfEqualVersionPutsWinsInOneMutation() {
    assertEquals(List.of(put(7, "s", "c")), batch(put(7, "s", "a"), put(7, "s", "b"), put(7, "s", "c")));
  }

  @Test
  void equalVersionPutsOfOtherCellsMerge() {
    assertEquals(List.of(put(7, "a", "1", "b", "2")), batch(put(7, "a", "1"), put(7, "b", "2")));
  }

  @Test
  void aNewerPutHidesAnOlderOneWhicheverArrivesFirst() {
    assertEquals(List.of(put(9, "s", "new")), batch(put(3, "s", "old"), put(9, "s", "new")));
    assertEquals(List.of(put(9, "s", "new")), batch(put(9, "s", "new"), put(3, "s", "old")));
  }

  @Test
  void aDeleteHidesPutsAtOrBelowItsVersionWhicheverArrivesFirst() {
    assertEquals(List.of(delete(5)), batch(put(3, "f", "x"), delete(5)));
    assertEquals(List.of(delete(5)), batch(delete(5), put(5, "f", "x")));
    assertEquals(List.of(delete(5)), batch(delete(2), delete(5), put(4, "f", "x")));
  }

  @Test
  void aDeleteBelowAPutStaysBesideItSinceTheirOrderDoesNotMatter() {
    assertEquals(List.of(delete(3), put(5, "f", "x")), batch(delete(3), put(5, "f", "x")));
    assertEquals(List.of(put(5, "f", "x"), delete(3)), batch(put(5, "f", "x"), delete(3)));
  }

  @Test
  void rowsKeepTheOrderOfTheirFirstWrite() {
    RowBatch b = new RowBatch();
    RowMutation r2 = RowMutation.put("t", "r2".getBytes(StandardCharsets.UTF_8), 1, Map.of("f", new byte[1]));
    b.add(put(1, "f", "a"));
    b.add(r2);
    b.add(put(2, "f", "b"));
    assertEquals(List.of(put(2, "f", "b"), r2), b.mutations());
    assertEquals(1, b.coalesced());
  }

  /**
   * For random write sequences of one row, what HBase serves after the sequence applied in arrival
   * order equals what it serves after the batch's survivors applied in any order.
   */
  @Test
  void survivorsServeWhatTheWholeSequenceServesInAnyOrder() {
    Random random = new Random(42);
    for (int run = 0; run < 20_000; run++) {
      List<RowMutation> sequence = new ArrayList<>();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        long v = 1 + random.nextInt(5);
        if (random.nextInt(4) == 0) {
          sequence.add(delete(v));
        } else if (random.nextBoolean()) {
          sequence.add(put(v, "a", "v" + run + "-" + i));
        } else {
          sequence.add(put(v, "a", "w" + run + "-" + i, "b", "x" + i));
        }
      }
      Map<String, String> expected = served(sequence);
      List<RowMutation> survivors = batch(sequence.toArray(RowMutation[]::new));
      assertEquals(expected, served(survivors), () -> "sequence " + sequence + " survivors " + survivors);
      List<RowMutation> reversed = new ArrayList<>(survivors);
      Collections.reverse(reversed);
      assertEquals(expected, served(reversed), () -> "sequence " + sequence + " reversed " + reversed);
    }
  }

  /**
   * HBase's read of one row of a VERSIONS 1 family: per qualifier the cell of the highest version
   * not masked by a delete marker at or above it; of equal versions the later write.
   */
  private static Map<String, String> served(List<RowMutation> writes) {
    long deletedUpTo = 0;
    for (RowMutation m : writes) {
      if (m.kind() == RowMutation.Kind.DELETE_ROW) {
        deletedUpTo = Math.max(deletedUpTo, m.version());
      }
    }
    Map<String, Long> versions = new HashMap<>();
    Map<String, String> values = new TreeMap<>();
    for (RowMutation m : writes) {
      if (m.kind() != RowMutation.Kind.PUT || m.version() <= deletedUpTo) {
        continue;
      }
      for (Map.Entry<String, byte[]> c : m.cells().entrySet()) {
        Long known = versions.get(c.getKey());
        if (known == null || m.version() >= known) {
          versions.put(c.getKey(), m.version());
          values.put(c.getKey(), new String(c.getValue(), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }

  @Test
  void sizeAndBytesCountTheSurvivors() {
    RowBatch b = new RowBatch();
    b.add(put(1, "f", "aaaa"));
    long one = b.bytes();
    b.add(put(2, "f", "bbbb"));
    assertEquals(one, b.bytes());
    assertEquals(1, b.size());
    assertArrayEquals(ROW, b.mutations().get(0).row());
  }
}
