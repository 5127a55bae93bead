package io.fundflow.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.generator.DayEndData;
import io.fundflow.generator.FaultKind;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, headless and fast: a whole simulated day on the test stack, through
 * the scheduler, the stream jobs, the nightly correction and the traders' API. The end state is
 * the day-end data's, every planted fault corrected.
 */
@ExtendWith(LocalStackExtension.class)
class DemoDayIT {

  /** A trading day no other test writes. */
  private static final LocalDate DAY = LocalDate.of(2026, 12, 16);

  @Test
  void aSimulatedDayEndsWithEveryFaultCorrected(StackEndpoints stack, @TempDir Path work)
      throws Exception {
    forgetEarlierRuns(stack);
    long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    DemoSettings settings =
        new DemoSettings(DAY, 600, 30, seed, 0, work, Duration.ofSeconds(5), Duration.ofMinutes(12));
    Path repo = Path.of(System.getProperty("fundflow.repo.dir", ".."));
    try (DemoDay demo = new DemoDay(stack, DemoLayout.of(repo), settings, System.out)) {
      DemoOutcome outcome = demo.run();

      // The report found what the generator planted, and fixed it.
      JsonNode r = outcome.report();
      assertEquals("SUCCEEDED", r.path("status").asText(), r.toString());
      var faults = outcome.day().faults();
      assertFalse(faults.of(FaultKind.MISSING).isEmpty());
      assertFalse(faults.of(FaultKind.WRONG_AMOUNT).isEmpty());
      assertFalse(faults.of(FaultKind.ROLLED_BACK).isEmpty());
      assertTrue(r.path("details").path("inserted").asLong() >= faults.of(FaultKind.MISSING).size(), r.toString());
      assertTrue(r.path("details").path("updated").asLong() >= faults.of(FaultKind.WRONG_AMOUNT).size(), r.toString());
      assertTrue(r.path("details").path("deleted").asLong() >= faults.of(FaultKind.ROLLED_BACK).size(), r.toString());

      // Each fault, through the traders' API: the day-end amount, or gone.
      assertEquals(faults.size(), outcome.faultChecks().size());
      for (FaultCheck c : outcome.faultChecks()) {
        assertTrue(c.corrected(), c.describe());
      }
      assertServedEqualsDayEnd(stack, outcome.day().dayEnd());
    }
  }

  /** Every detail and summary row HBase serves for the day is what the day-end data makes. */
  private static void assertServedEqualsDayEnd(StackEndpoints stack, DayEndData dayEnd)
      throws Exception {
    Map<String, Customer> customers =
        dayEnd.customers().stream().collect(Collectors.toMap(Customer::clientId, Function.identity()));
    Map<String, Channel> channels =
        dayEnd.channels().stream().collect(Collectors.toMap(Channel::channelCode, Function.identity()));
    List<FundFlow> flows = new ArrayList<>();
    for (FundJournalEntry e : dayEnd.journal()) {
      flows.add(
          FundFlowBuilder.build(
              e, Optional.ofNullable(customers.get(e.clientId())), Optional.ofNullable(channels.get(e.channel()))));
    }
    byte[] family = HBaseLayout.FAMILY.getBytes(StandardCharsets.UTF_8);
    try (org.apache.hadoop.hbase.client.Connection c =
            ConnectionFactory.createConnection(new HBaseClientSettings(stack.hbase()).toConfiguration());
        Table details = c.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE));
        Table summaries = c.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
      byte[] cell = FundFlowRows.FLOW_CELL.getBytes(StandardCharsets.UTF_8);
      for (FundFlow expected : flows) {
        byte[] served = details.get(new Get(FundFlowRows.rowKey(expected))).getValue(family, cell);
        assertEquals(expected, served == null ? null : FundFlowJson.decode(served), "flow " + expected.serialNo());
      }
      byte[] summaryCell = CustomerDayRows.SUMMARY_CELL.getBytes(StandardCharsets.UTF_8);
      for (Map.Entry<CustomerDayKey, CustomerDaySummary> e : CustomerDaySummaries.of(flows).entrySet()) {
        byte[] served = summaries.get(new Get(CustomerDayRows.rowKey(e.getKey()))).getValue(family, summaryCell);
        assertEquals(Optional.of(e.getValue()), CustomerDayRows.summary(served), e.getKey().toString());
      }
    }
  }

  /** The scheduler's memory of earlier runs on the shared test stack: restore points, sessions. */
  private static void forgetEarlierRuns(StackEndpoints stack) throws Exception {
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword())) {
      for (String job : DemoDay.streamJobNames()) {
        for (String table : List.of("JOB_SAVEPOINT", "SCHEDULER_SESSION")) {
          try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE JOB_NAME = ?")) {
            s.setString(1, job);
            s.executeUpdate();
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM CORRECTION_LAUNCH WHERE TRADE_DATE = ?")) {
        s.setInt(1, DAY.getYear() * 10_000 + DAY.getMonthValue() * 100 + DAY.getDayOfMonth());
        s.executeUpdate();
      }
    }
  }
}
