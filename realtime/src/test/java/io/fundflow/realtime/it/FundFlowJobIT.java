package io.fundflow.realtime.it;

import static io.fundflow.realtime.testing.DebeziumJson.message;
import static io.fundflow.realtime.testing.Rows.channel;
import static io.fundflow.realtime.testing.Rows.customer;
import static io.fundflow.realtime.testing.Rows.journal;
import static io.fundflow.realtime.testing.Rows.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.config.Settings;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.names.Topics;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.realtime.job.FundFlowJob;
import io.fundflow.realtime.job.JobEnvironment;
import io.fundflow.realtime.job.RealtimeConfig;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fund-flow job on a Flink MiniCluster against the real local Kafka and HBase: a change log in,
 * exact HBase rows out; then stop-with-savepoint, more input, resume, and still exact.
 */
@ExtendWith(LocalStackExtension.class)
class FundFlowJobIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(4)
              .build());

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static StackEndpoints stack;
  private static Connection hbase;
  private static KafkaProducer<byte[], byte[]> producer;
  private static String c1;
  private static String c2;
  private static long scn;

  @BeforeAll
  static void connect(StackEndpoints endpoints) throws Exception {
    stack = endpoints;
    hbase = ConnectionFactory.createConnection(new HBaseClientSettings(endpoints.hbase()).toConfiguration());
    Properties p = new Properties();
    p.put("bootstrap.servers", endpoints.kafkaBootstrap());
    p.put("key.serializer", ByteArraySerializer.class.getName());
    p.put("value.serializer", ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    // Each run uses its own customers, so the persistent test stack never mixes runs.
    long run = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    c1 = "T" + run + "1";
    c2 = "T" + run + "2";
    scn = System.currentTimeMillis() * 10;
  }

  @AfterAll
  static void close() throws Exception {
    producer.close();
    hbase.close();
  }

  private static RealtimeConfig config(long startMillis) {
    Map<String, String> keys = new HashMap<>();
    keys.put("kafka.bootstrap.servers", stack.kafkaBootstrap());
    keys.put("hbase.bootstrap.servers", stack.hbase().get("hbase.client.bootstrap.servers"));
    keys.put("realtime.checkpoint.interval", "1s");
    keys.put("realtime.kafka.group-id", "it-" + c1);
    keys.put("realtime.kafka.starting-offsets", "timestamp:" + startMillis);
    keys.put("realtime.restart.attempts", "0");
    return RealtimeConfig.from(Settings.of(keys, "it", Map.of(), Map.of()));
  }

  private static void send(String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  private static void journalChange(String op, Map<String, Object> before, Map<String, Object> after)
      throws Exception {
    Map<String, Object> row = after != null ? after : before;
    send(Topics.ODS_FUND_JOURNAL, row.get("INIT_DATE") + "/" + row.get("SERIAL_NO"),
        message("FUND_JOURNAL", op, before, after, ++scn));
  }

  private static JobClient start(RealtimeConfig config, String savepoint) throws Exception {
    Configuration conf = new Configuration();
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = JobEnvironment.create(config);
    env.configure(conf);
    FundFlowJob.build(env, config);
    return env.executeAsync(FundFlowJob.NAME);
  }

  /**
   * Stops the job with a savepoint. Rows reach HBase within the sink's flush interval, so the first
   * results can be visible while a slower task (the transactional Kafka sink) is still starting; a
   * savepoint cannot be triggered until every task runs, so that refusal is retried.
   */
  private static String stopWithSavepoint(JobClient job, Path dir) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        return job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
            .get();
      } catch (java.util.concurrent.ExecutionException e) {
        boolean starting =
            org.apache.flink.util.ExceptionUtils.findThrowableWithMessage(e, "is not being executed")
                .isPresent();
        if (!starting || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static FundFlow detail(String client, Map<String, Object> row) throws Exception {
    byte[] key =
        FundFlowRowKey.encode(
            client,
            LocalDateTime.parse(((String) row.get("OCCUR_TIME")).replace(' ', 'T')),
            ((Number) row.get("SERIAL_NO")).longValue(),
            (Integer) row.get("INIT_DATE"));
    try (Table t = hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))) {
      Result r = t.get(new Get(key));
      byte[] cell = r.getValue(HBaseLayout.FAMILY.getBytes(), FundFlowRows.FLOW_CELL.getBytes());
      return cell == null ? null : FundFlowJson.decode(cell);
    }
  }

  private static CustomerDaySummary summary(String client) throws Exception {
    byte[] key = CustomerDayRowKey.encode(client, 20261119, MoneyType.CNY);
    try (Table t = hbase.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
      byte[] cell =
          t.get(new Get(key)).getValue(HBaseLayout.FAMILY.getBytes(), CustomerDayRows.SUMMARY_CELL.getBytes());
      return cell == null ? null : CustomerDaySummaryJson.decode(cell);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private static boolean netIs(String client, String net) {
    try {
      CustomerDaySummary s = summary(client);
      return s != null && s.net().toPlainString().equals(net);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void streamsIntoHBaseThenStopsWithASavepointAndResumesWithoutLossOrDuplicate(@TempDir Path savepoints)
      throws Exception {
    long start = System.currentTimeMillis() - 1_000;
    send(Topics.ODS_CHANNEL, "7", message("CHANNEL", "r", null, channel("7", "手机银行"), ++scn));
    send(Topics.ODS_CUSTOMER, c1, message("CUSTOMER", "r", null, customer(c1, "张伟", 3), ++scn));
    Map<String, Object> a = journal(800001, c1, 2041, "50000.00");
    Map<String, Object> b = journal(800002, c1, 4201, "-12.35");
    Map<String, Object> c = journal(800003, c2, 4002, "300.00");
    journalChange("c", null, a);
    journalChange("c", null, b);
    journalChange("c", null, b); // duplicate
    journalChange("c", null, c);

    JobClient first = start(config(start), null);
    await("first summaries", () -> netIs(c1, "49987.65") && netIs(c2, "300.00"));
    assertEquals("50000.00", detail(c1, a).occurBalance().toPlainString());
    String savepoint = stopWithSavepoint(first, savepoints);
    assertTrue(Files.exists(Path.of(java.net.URI.create(savepoint))), "savepoint written");

    // While the job is stopped: an update, a delete, a new entry, and a replay of the first insert.
    Map<String, Object> a2 = with(a, "OCCUR_BALANCE", "5000.00");
    journalChange("u", a, a2);
    journalChange("d", b, null);
    Map<String, Object> d = journal(800004, c1, 4101, "88.88");
    journalChange("c", null, d);
    send(Topics.ODS_FUND_JOURNAL, "20261119/800001", message("FUND_JOURNAL", "c", null, a, scn - 10));

    JobClient second = start(config(start), savepoint);
    try {
      // 5000.00 + 88.88 in, nothing out: the update retracted 50000.00, the delete retracted 12.35,
      // and the stale replay of the insert was ignored thanks to the restored state.
      await("resumed summaries", () -> netIs(c1, "5088.88"));
      CustomerDaySummary s = summary(c1);
      assertEquals(2, s.entryCount());
      assertEquals("0.00", s.outflow().toPlainString());
      assertEquals("5000.00", detail(c1, a).occurBalance().toPlainString());
      assertNull(detail(c1, b), "the deleted entry's row is gone");
      FundFlow dividend = detail(c1, d);
      assertEquals("手机银行", dividend.channelName(), "dimension state survived the savepoint");
      assertEquals("张*", dividend.clientName());
      assertFalse(dividend.remark().contains("6222020200112233"));
      assertEquals("300.00", summary(c2).net().toPlainString());
    } finally {
      second.cancel().get();
    }
  }
}
