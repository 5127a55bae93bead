package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ShuffleKeysTest {

  private static final LocalDate[] EXTREMES = {
    LocalDate.of(1, 1, 1), LocalDate.of(2026, 11, 19), LocalDate.of(9999, 12, 31)
  };

  @Test
  void controlRecordsSortBeforeEveryDetailRowOfTheirSaltAndAfterThePreviousSalts() {
    for (LocalDate day : EXTREMES) {
      for (byte[] prefix : FundFlowRowKey.dayPrefixes(day)) {
        int salt = SaltPartitioner.saltOf(prefix);
        byte[] marker = ShuffleKeys.occurDay(salt, LocalDate.of(9999, 12, 31));
        assertTrue(SaltPartitioner.ROW_KEY_ORDER.compare(marker, prefix) < 0, day + " salt " + salt);
        assertEquals(salt, new SaltPartitioner().getPartition(marker));
        if (salt > 0) {
          byte[] previousSaltsLast = FundFlowRowKey.dayPrefixes(LocalDate.of(1, 1, 1)).get(salt - 1);
          assertTrue(SaltPartitioner.ROW_KEY_ORDER.compare(previousSaltsLast, marker) < 0);
        }
      }
    }
    byte[] rejected = ShuffleKeys.rejected();
    assertEquals(0, new SaltPartitioner().getPartition(rejected));
    assertTrue(SaltPartitioner.ROW_KEY_ORDER.compare(rejected, ShuffleKeys.occurDay(0, EXTREMES[0])) < 0);
  }

  @Test
  void controlKeysAreToldFromDetailRowKeys() {
    assertTrue(ShuffleKeys.isControl(ShuffleKeys.rejected()));
    assertTrue(ShuffleKeys.isRejected(ShuffleKeys.rejected()));
    byte[] marker = ShuffleKeys.occurDay(HBaseLayout.SALT_BUCKETS - 1, LocalDate.of(2026, 11, 18));
    assertTrue(ShuffleKeys.isControl(marker));
    assertFalse(ShuffleKeys.isRejected(marker));
    assertEquals(LocalDate.of(2026, 11, 18), ShuffleKeys.occurDayOf(marker));
    for (LocalDate day : EXTREMES) {
      byte[] detail =
          new FundFlowRowKey("C1", day.atTime(23, 59, 59), 7, 20261119).toBytes();
      assertFalse(ShuffleKeys.isControl(detail), day.toString());
    }
    assertThrows(IllegalArgumentException.class, () -> ShuffleKeys.occurDayOf(ShuffleKeys.rejected()));
    assertFalse(ShuffleKeys.isControl(new FundFlowRowKey("C2", LocalDateTime.of(2026, 1, 2, 3, 4), 1, 20260102).toBytes()));
  }
}
