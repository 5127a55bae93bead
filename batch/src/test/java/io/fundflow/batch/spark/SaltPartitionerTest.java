package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaltPartitionerTest {

  private final SaltPartitioner partitioner = new SaltPartitioner();

  @Test
  void aCustomersDetailAndSummaryRowsGoToThePartitionOfTheirSalt() {
    assertEquals(HBaseLayout.SALT_BUCKETS, partitioner.numPartitions());
    for (int i = 0; i < 200; i++) {
      String client = "C" + i;
      FundFlowRowKey detail =
          new FundFlowRowKey(client, LocalDateTime.of(2026, 11, 19, 9, 30), i, 20261119);
      int salt = detail.salt();
      assertEquals(salt, partitioner.getPartition(detail.toBytes()), client);
      assertEquals(
          salt,
          partitioner.getPartition(CustomerDayRowKey.encode(client, 20261119, MoneyType.CNY)),
          client);
    }
  }

  @Test
  void rowKeysSortAsHBaseSortsThem() {
    // Unsigned: 0x80 and above come after 0x7f, as in HBase's Bytes.compareTo.
    List<byte[]> keys = new ArrayList<>(List.of(new byte[] {(byte) 0x80}, new byte[] {0x7f, 1},
        new byte[] {0x7f}, new byte[] {(byte) 0xff, 0}));
    keys.sort(SaltPartitioner.ROW_KEY_ORDER);
    assertEquals(0x7f, keys.get(0)[0]);
    assertEquals(1, keys.get(0).length);
    assertEquals(2, keys.get(1).length);
    assertEquals((byte) 0x80, keys.get(2)[0]);
    assertEquals((byte) 0xff, keys.get(3)[0]);
    assertTrue(partitioner.equals(new SaltPartitioner()));
  }
}
