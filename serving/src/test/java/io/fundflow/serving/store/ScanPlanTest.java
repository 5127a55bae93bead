package io.fundflow.serving.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.KeyRange;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanPlanTest {

  private static final LocalDateTime FROM = LocalDateTime.of(2025, 3, 12, 0, 0);
  private static final LocalDateTime TO = LocalDateTime.of(2025, 3, 15, 0, 0);

  @Test
  void withoutACursorThePlannedRangesAreScanned() {
    assertEquals(
        FundFlowRowKey.scanRanges("c1", FROM, TO),
        ScanPlan.ranges("c1", FROM, TO, Optional.empty()));
  }

  @Test
  void aCursorDropsTheDaysAlreadyServedAndStartsJustAfterItsKey() {
    byte[] cursor = FundFlowRowKey.encode("c1", LocalDateTime.of(2025, 3, 13, 10, 0), 42, 20250313);
    List<KeyRange> planned = FundFlowRowKey.scanRanges("c1", FROM, TO);
    List<KeyRange> rest = ScanPlan.ranges("c1", FROM, TO, Optional.of(cursor));

    assertEquals(2, rest.size(), "the 14th is done; the 13th continues, the 12th is whole");
    byte[] resume = Arrays.copyOf(cursor, cursor.length + 1);
    assertArrayEquals(resume, rest.get(0).startInclusive());
    assertArrayEquals(planned.get(1).stopExclusive(), rest.get(0).stopExclusive());
    assertEquals(planned.get(2), rest.get(1));

    // The next row of the same millisecond (a lower serial) is still in range, the cursor's own
    // not.
    byte[] sameTimeLowerSerial =
        FundFlowRowKey.encode("c1", LocalDateTime.of(2025, 3, 13, 10, 0), 41, 20250313);
    assertTrue(rest.get(0).contains(sameTimeLowerSerial));
    assertTrue(!rest.get(0).contains(cursor));
  }
}
