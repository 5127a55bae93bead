package io.fundflow.realtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.hbase.RowMutation;
import io.fundflow.common.model.MoneyType;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HBase behaviour the stream's summary writes rely on, on a real HBase: after a restart from a
 * checkpoint the replay's summary versions can end equal to a version written before the crash, so
 * the last write at an equal version must win, and an emptied day must not leave a marker that
 * hides it.
 */
@ExtendWith(LocalStackExtension.class)
class SummaryRowVersionsIT {

  private final String client = "V" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
  private final CustomerDayKey key = new CustomerDayKey(client, 20261120, MoneyType.CNY);

  @Test
  void afterAnEmptiedDayALaterPutOfTheSameVersionIsServed(StackEndpoints endpoints) throws Exception {
    try (Connection c = connect(endpoints)) {
      write(c, CustomerDayRows.put(summary(3, "30.00"), 500));
      write(c, CustomerDayRows.empty(key, 700)); // before the crash: the day emptied at 700
      write(c, CustomerDayRows.put(summary(2, "20.00"), 700)); // the replay ends at 700 too
      assertEquals(Optional.of(summary(2, "20.00")), served(c));
    }
  }

  @Test
  void anEmptiedDayServesNoSummary(StackEndpoints endpoints) throws Exception {
    try (Connection c = connect(endpoints)) {
      write(c, CustomerDayRows.put(summary(1, "10.00"), 10));
      write(c, CustomerDayRows.empty(key, 20));
      assertTrue(served(c).isEmpty());
    }
  }

  @Test
  void aDeleteWouldHideThatPutWhichIsWhyTheStreamNeverDeletes(StackEndpoints endpoints)
      throws Exception {
    try (Connection c = connect(endpoints)) {
      write(c, CustomerDayRows.put(summary(3, "30.00"), 500));
      write(c, CustomerDayRows.delete(key, 700));
      write(c, CustomerDayRows.put(summary(2, "20.00"), 700));
      assertTrue(served(c).isEmpty(), "HBase masks a put at or below a delete marker's version");
    }
  }

  private CustomerDaySummary summary(int entries, String inflow) {
    BigDecimal amount = new BigDecimal(inflow);
    return new CustomerDaySummary(
        key, amount, new BigDecimal("0.00"), amount, entries, Map.of(), amount,
        LocalDateTime.of(2026, 11, 20, 10, 0), 1000L + entries);
  }

  private static Connection connect(StackEndpoints endpoints) throws Exception {
    return ConnectionFactory.createConnection(new HBaseClientSettings(endpoints.hbase()).toConfiguration());
  }

  private static void write(Connection c, RowMutation m) throws Exception {
    try (Table t = c.getTable(HBaseMutations.tableName(m.table()))) {
      Mutation hm = HBaseMutations.toHBase(m);
      if (hm instanceof Put p) {
        t.put(p);
      } else {
        t.delete((Delete) hm);
      }
    }
  }

  private Optional<CustomerDaySummary> served(Connection c) throws Exception {
    try (Table t = c.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
      byte[] fam = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
      byte[] q = CustomerDayRows.SUMMARY_CELL.getBytes(StandardCharsets.UTF_8);
      return CustomerDayRows.summary(t.get(new Get(CustomerDayRows.rowKey(key)).addColumn(fam, q)).getValue(fam, q));
    }
  }
}
