package io.fundflow.common.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HBaseLayoutTest {

  @Test
  void detailAndSummaryTablesHaveOneRegionPerSaltAndTheManifestNone() {
    List<HBaseTableSpec> tables = HBaseLayout.tables();

    assertEquals(
        List.of("fundflow:fund_flow", "fundflow:customer_day", "fundflow:day_bucket"),
        tables.stream().map(HBaseTableSpec::qualifiedName).toList());
    assertEquals(15, tables.get(0).splitPoints().size());
    assertEquals(15, tables.get(1).splitPoints().size());
    assertEquals(0, tables.get(2).splitPoints().size());
  }

  @Test
  void onlyTheDetailTableHasSmallerBlocksThanHBasesDefault() {
    List<HBaseTableSpec> tables = HBaseLayout.tables();

    assertEquals(32 * 1024, tables.get(0).blockSizeBytes());
    assertEquals(64 * 1024, tables.get(1).blockSizeBytes());
    assertEquals(64 * 1024, tables.get(2).blockSizeBytes());
  }

  @Test
  void theDetailTablesBloomFilterKeysACustomersDay() {
    List<HBaseTableSpec> tables = HBaseLayout.tables();

    assertEquals(23, tables.get(0).bloomPrefixLength(), "salt, day bucket, CLIENT_ID");
    byte[] morning =
        FundFlowRowKey.encode("100200300", LocalDateTime.parse("2025-03-14T09:30:00"), 1, 20250314);
    byte[] evening =
        FundFlowRowKey.encode("100200300", LocalDateTime.parse("2025-03-14T21:00:00"), 9, 20250317);
    byte[] nextDay =
        FundFlowRowKey.encode("100200300", LocalDateTime.parse("2025-03-15T09:30:00"), 2, 20250317);
    int n = tables.get(0).bloomPrefixLength();
    assertArrayEquals(Arrays.copyOf(morning, n), Arrays.copyOf(evening, n), "one key per day");
    assertFalse(Arrays.equals(Arrays.copyOf(morning, n), Arrays.copyOf(nextDay, n)));
    assertEquals(0, tables.get(1).bloomPrefixLength(), "whole-row blooms for the point reads");
    assertEquals(0, tables.get(2).bloomPrefixLength());
  }

  @Test
  void splitPointsAscendAndSeparateTheSalts() {
    List<byte[]> splits = HBaseLayout.tables().get(0).splitPoints();
    for (int i = 1; i < splits.size(); i++) {
      assertTrue(Arrays.compareUnsigned(splits.get(i - 1), splits.get(i)) < 0);
    }
    // Each customer's keys land in the region of its salt: region i holds [split i-1, split i).
    for (String client : List.of("000000000001", "100200300", "C0001", "880012345678", "A")) {
      byte[] key = FundFlowRowKey.encode(client, LocalDateTime.of(2025, 3, 14, 10, 0), 1, 20250314);
      int region = 0;
      while (region < splits.size() && Arrays.compareUnsigned(key, splits.get(region)) >= 0) {
        region++;
      }
      assertEquals(CustomerSalt.of(client), region, client);
    }
  }
}
