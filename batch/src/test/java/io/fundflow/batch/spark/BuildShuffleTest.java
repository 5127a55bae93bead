package io.fundflow.batch.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.batch.source.TextTable;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.SummaryFigures;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class BuildShuffleTest {

  private static final TextTable.Columns JOURNAL = new TextTable.Columns(List.of(
      "INIT_DATE", "SERIAL_NO", "OCCUR_TIME", "CLIENT_ID", "FUND_ACCOUNT", "BRANCH_NO", "MONEY_TYPE",
      "BUSINESS_FLAG", "OCCUR_BALANCE", "POST_BALANCE", "CHANNEL", "REMARK"));

  @Test
  void flowsGoUnderTheirRowKeysRejectedEntriesToSaltZeroAndEveryOccurDayToEverySalt() {
    List<JoinedEntry> joined = List.of(
        joined("20261119", "1", "2026-11-19 09:30:00", "C1", "CNY", "100.50"),
        joined("20261119", "2", "2026-11-19 10:00:00", "C2", "CNY", "-20.00"),
        joined("20261119", "3", "2026-11-18 23:10:00", "C3", "CNY", "7.00"),
        joined("20261119", "4", "2026-11-19 11:00:00", "C4", "XXX", "1.00"));
    LongAccumulator read = new LongAccumulator();
    LongAccumulator rejected = new LongAccumulator();

    List<Tuple2<byte[], byte[]>> out = new ArrayList<>();
    new BuildShuffle(new BuildFlows(JOURNAL), read, rejected).call(joined.iterator()).forEachRemaining(out::add);

    List<Tuple2<byte[], byte[]>> flows = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    Set<String> markers = new TreeSet<>();
    for (Tuple2<byte[], byte[]> r : out) {
      if (!ShuffleKeys.isControl(r._1())) {
        flows.add(r);
      } else if (ShuffleKeys.isRejected(r._1())) {
        assertEquals(0, SaltPartitioner.saltOf(r._1()));
        reasons.add(new String(r._2(), StandardCharsets.UTF_8));
      } else {
        assertEquals(0, r._2().length);
        markers.add(SaltPartitioner.saltOf(r._1()) + "/" + ShuffleKeys.occurDayOf(r._1()));
      }
    }
    assertEquals(3, flows.size());
    for (Tuple2<byte[], byte[]> f : flows) {
      FundFlow flow = FundFlowJson.decode(FlowValue.json(f._2()));
      assertArrayEquals(FundFlowRows.rowKey(flow), f._1(), flow.toString());
      assertEquals(SummaryFigures.of(flow), FlowValue.figures(f._2()), "the flow's own figures");
    }
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).startsWith("20261119/4: "), reasons.get(0));
    Set<String> expectedMarkers = new TreeSet<>();
    for (int salt = 0; salt < HBaseLayout.SALT_BUCKETS; salt++) {
      expectedMarkers.add(salt + "/" + LocalDate.of(2026, 11, 18));
      expectedMarkers.add(salt + "/" + LocalDate.of(2026, 11, 19));
    }
    assertEquals(expectedMarkers, markers);
    assertEquals(3 + 1 + 2 * HBaseLayout.SALT_BUCKETS, out.size(), "one marker per day and salt");
    for (int i = 4; i < out.size(); i++) {
      assertTrue(ShuffleKeys.isControl(out.get(i)._1()), "the markers follow the partition's last row");
    }
    assertEquals(4, read.value());
    assertEquals(1, rejected.value());
  }

  @Test
  void anEmptyPartitionSendsNothing() {
    Iterator<Tuple2<byte[], byte[]>> out =
        new BuildShuffle(new BuildFlows(JOURNAL), new LongAccumulator(), new LongAccumulator())
            .call(List.<JoinedEntry>of().iterator());
    assertFalse(out.hasNext());
  }

  private static JoinedEntry joined(
      String initDate, String serial, String time, String client, String money, String amount) {
    String[] journal = {initDate, serial, time, client, "F" + client, "1001", money, "1001", amount,
        "1000.00", "BNC1", "r" + serial};
    return new JoinedEntry(journal, null, null);
  }
}
