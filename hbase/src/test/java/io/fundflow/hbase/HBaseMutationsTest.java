package io.fundflow.hbase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.junit.jupiter.api.Test;

class HBaseMutationsTest {

  private static final byte[] ROW = {0, 1, 2, (byte) 0xff};

  @Test
  void putCarriesEveryCellAtTheMutationsVersion() {
    RowMutation m =
        RowMutation.put(
            HBaseLayout.FUND_FLOW_TABLE,
            ROW,
            88000102L,
            Map.of("amt", bytes("50000.00"), "cat", bytes("TRANSFER_IN")));

    Mutation hbase = HBaseMutations.toHBase(m);

    Put put = assertInstanceOf(Put.class, hbase);
    assertArrayEquals(ROW, put.getRow());
    List<Cell> cells = put.getFamilyCellMap().get(bytes(HBaseLayout.FAMILY));
    assertEquals(2, cells.size());
    for (Cell c : cells) {
      assertEquals(88000102L, c.getTimestamp());
    }
    assertTrue(
        cells.stream()
            .anyMatch(
                c ->
                    "amt".equals(new String(CellUtil.cloneQualifier(c), StandardCharsets.UTF_8))
                        && "50000.00".equals(new String(CellUtil.cloneValue(c), StandardCharsets.UTF_8))));
    assertEquals("fundflow:fund_flow", HBaseMutations.tableOf(m).getNameAsString());
  }

  @Test
  void rowDeleteRemovesEverythingUpToItsVersion() {
    Mutation hbase = HBaseMutations.toHBase(RowMutation.deleteRow(HBaseLayout.FUND_FLOW_TABLE, ROW, 42L));

    Delete delete = assertInstanceOf(Delete.class, hbase);
    assertArrayEquals(ROW, delete.getRow());
    assertEquals(42L, delete.getTimestamp());
    assertTrue(delete.getFamilyCellMap().isEmpty(), "a whole-row delete names no family");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
