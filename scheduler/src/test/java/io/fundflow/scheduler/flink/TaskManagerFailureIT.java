package io.fundflow.scheduler.flink;

import static io.fundflow.scheduler.flink.ChangeLogMessages.INIT_DATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.changelog.ChangeEvent;
import io.fundflow.common.changelog.ChangeLogDecoder;
import io.fundflow.common.changelog.DecodeResult;
import io.fundflow.common.codec.CustomerDaySummaryJson;
import io.fundflow.common.codec.FundFlowJson;
import io.fundflow.common.dwd.FundFlow;
import io.fundflow.common.dwd.FundFlowBuilder;
import io.fundflow.common.dws.CustomerDayKey;
import io.fundflow.common.dws.CustomerDaySummaries;
import io.fundflow.common.dws.CustomerDaySummary;
import io.fundflow.common.hbase.CustomerDayRowKey;
import io.fundflow.common.hbase.CustomerDayRows;
import io.fundflow.common.hbase.FundFlowRowKey;
import io.fundflow.common.hbase.FundFlowRows;
import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.model.Channel;
import io.fundflow.common.model.Customer;
import io.fundflow.common.model.FundJournalEntry;
import io.fundflow.common.model.MoneyType;
import io.fundflow.common.model.SourceRow;
import io.fundflow.common.names.Topics;
import io.fundflow.hbase.HBaseClientSettings;
import io.fundflow.hbase.HBaseMutations;
import io.fundflow.stack.LocalStack;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.config.Service;
import io.fundflow.stack.junit.LocalStackExtension;
import io.fundflow.stack.server.FlinkCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fund-flow job on the stack's session cluster survives a {@code kill -9} of its TaskManager in
 * the middle of a change log of inserts, updates, deletes and stale replays: it restarts from its
 * last checkpoint on a new TaskManager, and HBase ends exactly as the change log says.
 */
@ExtendWith(LocalStackExtension.class)
class TaskManagerFailureIT {

  private static final int CLIENTS = 12;
  private static final int CHANGES = 3_000;
  private static final int BATCH = 100;
  private static final Duration BATCH_PAUSE = Duration.ofMillis(300);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * Recovery waits for Flink to notice the lost TaskManager: 50 s heartbeat on an old stack config.
   */
  private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);

  /** Business flags of the change log with the sign their amounts carry. */
  private static final int[] FLAGS = {2041, 4002, 4101, 4201};

  private final ChangeLogDecoder decoder = new ChangeLogDecoder();

  /** One change-log message and the topic key it is sent with. */
  record Message(String key, byte[] value) {}

  /** The generated change log and, computed alongside it, the final source row of every key. */
  record ChangeLog(
      List<Message> dimensions,
      List<Message> sentinels,
      List<Message> changes,
      Map<Long, byte[]> finalMessage,
      Map<Long, Map<String, Object>> sentinelRows,
      long spareScn,
      List<String> clients) {}

  @Test
  void aKilledTaskManagerIsReplacedAndTheJobRecoversExactly(
      StackEndpoints endpoints, LocalStack stack) throws Exception {
    long run = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    ChangeLog log = changeLog(run, new Random(run));
    FlinkRestClient flink = new FlinkRestClient(endpoints.flinkRestUrl());
    long start = System.currentTimeMillis() - 1_000;

    String jarId = flink.uploadJar(StackJobs.jobJar());
    String jobId =
        flink.runJar(
            jarId,
            StackJobs.ENTRY_CLASS,
            StackJobs.fundFlowArgs(
                endpoints,
                Map.of(
                    "realtime.parallelism", "2",
                    "realtime.checkpoint.interval", "1s",
                    "realtime.restart.attempts", "10",
                    "realtime.restart.delay", "2s",
                    "realtime.kafka.group-id", "tm-kill-" + run,
                    "realtime.kafka.starting-offsets", "timestamp:" + start)),
            2,
            Optional.empty(),
            false);
    try (KafkaProducer<byte[], byte[]> producer = producer(endpoints);
        Connection hbase =
            ConnectionFactory.createConnection(
                new HBaseClientSettings(endpoints.hbase()).toConfiguration())) {
      StackJobs.awaitState(flink, jobId, JobState.RUNNING, TIMEOUT);

      // Dimensions first, then one entry per client. The topics are read concurrently, so an entry
      // may overtake its customer: re-send (same row, newer SCN) each entry not yet enriched until
      // all are. Then the job holds both dimensions and builds the stream's flows with them, as the
      // expectation does.
      send(producer, Topics.ODS_CHANNEL, log.dimensions().subList(0, 1));
      send(producer, Topics.ODS_CUSTOMER, log.dimensions().subList(1, log.dimensions().size()));
      send(producer, Topics.ODS_FUND_JOURNAL, log.sentinels());
      AtomicLong spareScn = new AtomicLong(log.spareScn());
      AtomicInteger polls = new AtomicInteger();
      StackJobs.await(
          "every client's first entry enriched with its dimensions",
          TIMEOUT,
          () -> {
            List<Message> again = new ArrayList<>();
            int i = 0;
            for (Map.Entry<Long, Map<String, Object>> e : log.sentinelRows().entrySet()) {
              Map<String, Object> row = e.getValue();
              FundFlow f = detail(hbase, entry(log.sentinels().get(i++).value()));
              if (f == null || f.clientName() == null || f.channelName() == null) {
                again.add(
                    new Message(
                        key(e.getKey()),
                        ChangeLogMessages.message(
                            "FUND_JOURNAL", "u", row, row, spareScn.getAndIncrement())));
              }
            }
            if (again.isEmpty()) {
              return Optional.of(true);
            }
            if (polls.incrementAndGet() % 8 == 0) {
              send(producer, Topics.ODS_FUND_JOURNAL, again);
            }
            return Optional.empty();
          });

      AtomicInteger sent = new AtomicInteger();
      AtomicReference<Exception> producerFailure = new AtomicReference<>();
      Thread streaming =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < log.changes().size(); i += BATCH) {
                    List<Message> batch =
                        log.changes().subList(i, Math.min(i + BATCH, log.changes().size()));
                    send(producer, Topics.ODS_FUND_JOURNAL, batch);
                    sent.addAndGet(batch.size());
                    Thread.sleep(BATCH_PAUSE.toMillis());
                  }
                } catch (Exception e) {
                  producerFailure.set(e);
                }
              },
              "change-log-producer");
      streaming.start();

      // Mid-stream, once a checkpoint has completed over part of the stream: kill -9 the
      // TaskManager.
      StackJobs.await(
          "a third of the change log sent",
          TIMEOUT,
          () -> sent.get() >= CHANGES / 3 ? Optional.of(true) : Optional.empty());
      String before = flink.latestCompletedCheckpoint(jobId).orElse("");
      String checkpointBeforeKill =
          StackJobs.await(
              "a checkpoint during the stream",
              TIMEOUT,
              () -> flink.latestCompletedCheckpoint(jobId).filter(p -> !p.equals(before)));
      ProcessHandle taskManager = stack.process(FlinkCluster.TASK_MANAGER).orElseThrow();
      taskManager.destroyForcibly();
      StackJobs.await(
          "the TaskManager gone",
          TIMEOUT,
          () -> taskManager.isAlive() ? Optional.empty() : Optional.of(true));
      int sentAtKill = sent.get();
      assertTrue(
          sentAtKill < CHANGES, "killed mid-stream (" + sentAtKill + " of " + CHANGES + " sent)");

      // The replacement binds the same pinned RPC port. Started before the JobManager has declared
      // the dead one lost (heartbeat timeout), its registration arrives on an association Pekko still
      // holds for the old process and is discarded; so wait until the cluster lists no TaskManager,
      // as an operator restarting a crashed TaskManager on the same host and port must.
      StackJobs.await(
          "the JobManager to declare the TaskManager lost",
          RECOVERY_TIMEOUT,
          () -> flink.overview().taskManagers() == 0 ? Optional.of(true) : Optional.empty());
      assertEquals(List.of(FlinkCluster.TASK_MANAGER), stack.startMissing(Service.FLINK));
      assertNotEquals(
          taskManager.pid(), stack.process(FlinkCluster.TASK_MANAGER).orElseThrow().pid());

      RestorePoint restored =
          StackJobs.await(
              "the job running again, restored from a checkpoint",
              RECOVERY_TIMEOUT,
              () ->
                  flink.jobState(jobId).filter(s -> s == JobState.RUNNING).isPresent()
                      ? flink.restoredFrom(jobId)
                      : Optional.empty());
      assertFalse(
          restored.savepoint(), "recovered from a checkpoint, not a savepoint: " + restored);
      assertTrue(
          restored.checkpointId() >= checkpointId(checkpointBeforeKill),
          restored + " is at least the checkpoint seen before the kill, " + checkpointBeforeKill);

      streaming.join(TIMEOUT.toMillis());
      assertFalse(streaming.isAlive(), "the change log was sent");
      assertNull(producerFailure.get(), "producer failed: " + producerFailure.get());

      assertExactEndState(hbase, log);
      assertEquals(
          Optional.of(JobState.RUNNING), flink.jobState(jobId), "still running after catching up");
    } finally {
      if (flink.jobState(jobId).filter(s -> !s.terminal()).isPresent()) {
        flink.cancel(jobId);
      }
      flink.deleteJar(jarId);
    }
  }

  private void assertExactEndState(Connection hbase, ChangeLog log) throws Exception {
    Map<String, Customer> customers = new HashMap<>();
    Channel channel = null;
    for (Message m : log.dimensions()) {
      SourceRow row =
          decodedAfter(
              m.key().equals(log.dimensions().get(0).key())
                  ? Topics.ODS_CHANNEL
                  : Topics.ODS_CUSTOMER,
              m.value());
      if (row instanceof Channel c) {
        channel = c;
      } else if (row instanceof Customer c) {
        customers.put(c.clientId(), c);
      }
    }
    List<FundFlow> expectedFlows = new ArrayList<>();
    for (byte[] last : log.finalMessage().values()) {
      FundJournalEntry entry = entry(last);
      if (entry != null) {
        expectedFlows.add(
            FundFlowBuilder.build(
                entry, Optional.of(customers.get(entry.clientId())), Optional.of(channel)));
      }
    }
    Map<CustomerDayKey, CustomerDaySummary> expectedSummaries =
        CustomerDaySummaries.of(expectedFlows);
    assertEquals(log.clients().size(), expectedSummaries.size(), "every client keeps live entries");

    // The summaries are the last thing to settle: wait for them, then check everything.
    AtomicReference<String> lastDifference = new AtomicReference<>("");
    try {
      StackJobs.await(
          "customer-day summaries equal to the change log's",
          TIMEOUT,
          () -> {
            for (Map.Entry<CustomerDayKey, CustomerDaySummary> e : expectedSummaries.entrySet()) {
              CustomerDaySummary actual = summary(hbase, e.getKey().clientId());
              if (!e.getValue().equals(actual)) {
                lastDifference.set(
                    e.getKey() + ": expected " + e.getValue() + " but was " + actual);
                return Optional.empty();
              }
            }
            return Optional.of(true);
          });
    } catch (AssertionError timedOut) {
      throw new AssertionError(
          timedOut.getMessage() + "; last difference: " + lastDifference.get(), timedOut);
    }
    for (Map.Entry<CustomerDayKey, CustomerDaySummary> e : expectedSummaries.entrySet()) {
      assertEquals(e.getValue(), summary(hbase, e.getKey().clientId()), e.getKey().toString());
    }

    int live = 0;
    int deleted = 0;
    for (Map.Entry<Long, byte[]> e : log.finalMessage().entrySet()) {
      FundJournalEntry current = entry(e.getValue());
      if (current != null) {
        live++;
        FundFlow expected =
            FundFlowBuilder.build(
                current, Optional.of(customers.get(current.clientId())), Optional.of(channel));
        assertEquals(expected, detail(hbase, current), "detail row of serial " + e.getKey());
      } else {
        deleted++;
        FundJournalEntry gone = (FundJournalEntry) decoded(e.getValue()).before();
        assertNull(detail(hbase, gone), "deleted entry's row is absent: serial " + e.getKey());
      }
    }
    assertTrue(
        live > 1_000 && deleted > 100, "a real mix: " + live + " live, " + deleted + " deleted");
  }

  /** Builds the change log from {@code random}, keeping the final message of every key. */
  private static ChangeLog changeLog(long run, Random random) {
    List<String> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(String.format("K%09d%02d", run, i));
    }
    String channelCode = String.format("Z%03d", run % 1000);
    long scn = System.currentTimeMillis() * 10;
    List<Message> dimensions = new ArrayList<>();
    dimensions.add(
        new Message(
            channelCode,
            ChangeLogMessages.message(
                "CHANNEL", "r", null, ChangeLogMessages.channel(channelCode, "测试渠道"), ++scn)));
    for (String client : clients) {
      dimensions.add(
          new Message(
              client,
              ChangeLogMessages.message(
                  "CUSTOMER", "r", null, ChangeLogMessages.customer(client, "王小明", 3), ++scn)));
    }

    // Serial numbers unique to this run: the job keys its state by (INIT_DATE, SERIAL_NO).
    long serial = 100_000_000_000L + (run % 800_000_000L) * 1_000L;
    Map<Long, Map<String, Object>> live = new LinkedHashMap<>();
    Map<Long, byte[]> finalMessage = new LinkedHashMap<>();
    List<Long> sentinelSerials = new ArrayList<>();
    Map<Long, Map<String, Object>> sentinelRows = new LinkedHashMap<>();
    List<Message> sentinels = new ArrayList<>();
    for (String client : clients) {
      long s = ++serial;
      Map<String, Object> row = row(random, s, client, channelCode);
      byte[] value = ChangeLogMessages.message("FUND_JOURNAL", "c", null, row, ++scn);
      live.put(s, row);
      finalMessage.put(s, value);
      sentinelSerials.add(s);
      sentinelRows.put(s, row);
      sentinels.add(new Message(key(s), value));
    }
    // SCNs kept free between the first entries and the stream, for re-sending those entries.
    long spareScn = scn + 1;
    scn += 10_000;

    List<Message> changes = new ArrayList<>();
    while (changes.size() < CHANGES) {
      double dice = random.nextDouble();
      List<Long> keys = new ArrayList<>(live.keySet());
      if (dice < 0.55 || keys.size() < 50) {
        long s = ++serial;
        String client = clients.get(random.nextInt(clients.size()));
        Map<String, Object> row = row(random, s, client, channelCode);
        byte[] value = ChangeLogMessages.message("FUND_JOURNAL", "c", null, row, ++scn);
        live.put(s, row);
        finalMessage.put(s, value);
        changes.add(new Message(key(s), value));
      } else if (dice < 0.80) {
        long s = keys.get(random.nextInt(keys.size()));
        Map<String, Object> before = live.get(s);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("OCCUR_BALANCE", amount(random, (Integer) before.get("BUSINESS_FLAG")));
        after.put("POST_BALANCE", amount(random, 2041));
        byte[] value = ChangeLogMessages.message("FUND_JOURNAL", "u", before, after, ++scn);
        live.put(s, after);
        finalMessage.put(s, value);
        changes.add(new Message(key(s), value));
      } else if (dice < 0.92) {
        long s = keys.get(random.nextInt(keys.size()));
        if (sentinelSerials.contains(s)) {
          continue; // every client keeps an entry, so every summary exists
        }
        byte[] value = ChangeLogMessages.message("FUND_JOURNAL", "d", live.remove(s), null, ++scn);
        finalMessage.put(s, value);
        changes.add(new Message(key(s), value));
      } else if (!changes.isEmpty()) {
        // A replay of an earlier message: a duplicate, or an older version arriving late.
        changes.add(changes.get(random.nextInt(changes.size())));
      }
    }
    return new ChangeLog(
        dimensions, sentinels, changes, finalMessage, sentinelRows, spareScn, clients);
  }

  private static Map<String, Object> row(
      Random random, long serial, String client, String channel) {
    int flag = FLAGS[random.nextInt(FLAGS.length)];
    return ChangeLogMessages.journal(
        serial, client, channel, flag, amount(random, flag), amount(random, 2041));
  }

  /** A random amount in cents, negative for the outflow flag. */
  private static String amount(Random random, int flag) {
    long cents = 1 + random.nextInt(10_000_000);
    String text = String.format("%d.%02d", cents / 100, cents % 100);
    return flag == 4201 ? "-" + text : text;
  }

  private static String key(long serial) {
    return INIT_DATE + "/" + serial;
  }

  private static long checkpointId(String externalPath) {
    return Long.parseLong(externalPath.substring(externalPath.lastIndexOf("chk-") + 4));
  }

  private static KafkaProducer<byte[], byte[]> producer(StackEndpoints endpoints) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    // Per-key order matters (an update after its insert): no reordering on retries.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(p);
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, List<Message> messages) {
    for (Message m : messages) {
      producer.send(
          new ProducerRecord<>(topic, m.key().getBytes(StandardCharsets.UTF_8), m.value()));
    }
    producer.flush();
  }

  private ChangeEvent decoded(String topic, byte[] value) {
    DecodeResult result = decoder.decode(topic, value);
    if (!(result instanceof DecodeResult.Decoded decoded)) {
      throw new AssertionError("the test's own message does not decode: " + result);
    }
    return decoded.event();
  }

  private ChangeEvent decoded(byte[] journalValue) {
    return decoded(Topics.ODS_FUND_JOURNAL, journalValue);
  }

  private SourceRow decodedAfter(String topic, byte[] value) {
    return decoded(topic, value).after();
  }

  /** The journal entry a message leaves current: its after image, or null for a delete. */
  private FundJournalEntry entry(byte[] value) {
    return (FundJournalEntry) decoded(value).after();
  }

  private static FundFlow detail(Connection hbase, FundJournalEntry entry) {
    byte[] key =
        FundFlowRowKey.encode(
            entry.clientId(), entry.occurTime(), entry.serialNo(), entry.initDate());
    try (Table t = hbase.getTable(HBaseMutations.tableName(HBaseLayout.FUND_FLOW_TABLE))) {
      Result r = t.get(new Get(key));
      byte[] cell = r.getValue(HBaseLayout.FAMILY.getBytes(), FundFlowRows.FLOW_CELL.getBytes());
      return cell == null ? null : FundFlowJson.decode(cell);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CustomerDaySummary summary(Connection hbase, String client) {
    byte[] key = CustomerDayRowKey.encode(client, INIT_DATE, MoneyType.CNY);
    try (Table t = hbase.getTable(HBaseMutations.tableName(HBaseLayout.CUSTOMER_DAY_TABLE))) {
      byte[] cell =
          t.get(new Get(key))
              .getValue(HBaseLayout.FAMILY.getBytes(), CustomerDayRows.SUMMARY_CELL.getBytes());
      return cell == null ? null : CustomerDaySummaryJson.decode(cell);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
