package io.fundflow.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.hbase.HBaseLayout;
import io.fundflow.common.names.Topics;
import io.fundflow.stack.bootstrap.HBaseTables;
import io.fundflow.stack.health.HBaseHealth;
import io.fundflow.stack.health.KafkaHealth;
import io.fundflow.stack.junit.LocalStackExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack through the JUnit extension: a round trip through each real server. */
@ExtendWith(LocalStackExtension.class)
class LocalStackIT {

  @Test
  void bootstrapCreatedEveryTopicWithItsLayersPartitions(StackEndpoints stack) throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(KafkaHealth.clientConfig(stack.kafkaBootstrap()))) {
      Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      assertTrue(topics.containsAll(Topics.ALL), topics.toString());
      var described = admin.describeTopics(List.of(Topics.ODS_FUND_JOURNAL, Topics.DLQ_ODS))
          .allTopicNames().get(10, TimeUnit.SECONDS);
      assertEquals(4, described.get(Topics.ODS_FUND_JOURNAL).partitions().size());
      assertEquals(1, described.get(Topics.DLQ_ODS).partitions().size());
    }
  }

  @Test
  void writesAndReadsAKafkaTopic(StackEndpoints stack) throws Exception {
    String topic = "it.roundtrip." + UUID.randomUUID();
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(KafkaHealth.clientConfig(stack.kafkaBootstrap()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
      producer.send(new ProducerRecord<>(topic, "20260105|1", "{\"OCCUR_BALANCE\":\"100.00\"}"))
          .get(30, TimeUnit.SECONDS);
    }
    Properties consumerProps = new Properties();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
      consumer.subscribe(List.of(topic));
      ConsumerRecord<String, String> record = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (record == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          record = r;
        }
      }
      assertTrue(record != null, "no record read back from " + topic);
      assertEquals("20260105|1", record.key());
      assertEquals("{\"OCCUR_BALANCE\":\"100.00\"}", record.value());
    }
  }

  @Test
  void bootstrapGivesATableOfAnOlderVersionTodaysFamilySettings(StackEndpoints stack)
      throws Exception {
    TableName name = TableName.valueOf(HBaseLayout.NAMESPACE, HBaseLayout.FUND_FLOW_TABLE);
    byte[] family = Bytes.toBytes(HBaseLayout.FAMILY);
    try (org.apache.hadoop.hbase.client.Connection connection =
            org.apache.hadoop.hbase.client.ConnectionFactory.createConnection(
                HBaseHealth.configuration(stack.hbase(), false));
        Admin admin = connection.getAdmin()) {
      ColumnFamilyDescriptor today = admin.getDescriptor(name).getColumnFamily(family);
      // As an older version created it: a whole-row bloom filter.
      admin.modifyColumnFamily(
          name,
          ColumnFamilyDescriptorBuilder.newBuilder(today)
              .setBloomFilterType(BloomType.ROW)
              .removeConfiguration(HBaseTables.BLOOM_PREFIX_LENGTH_KEY)
              .build());

      List<String> changes = new HBaseTables(stack.hbase(), "GZ").apply();

      assertEquals(1, changes.size(), changes.toString());
      assertTrue(
          changes.get(0).startsWith("altered column family d of fundflow:fund_flow"),
          changes.get(0));
      ColumnFamilyDescriptor after = admin.getDescriptor(name).getColumnFamily(family);
      assertEquals(BloomType.ROWPREFIX_FIXED_LENGTH, after.getBloomFilterType());
      assertEquals(0, ColumnFamilyDescriptor.COMPARATOR.compare(today, after));
      assertEquals(List.of(), new HBaseTables(stack.hbase(), "GZ").apply(), "nothing left to do");
    }
  }

  @Test
  void writesAndReadsARowInThePreSplitDetailTable(StackEndpoints stack) throws Exception {
    TableName name = TableName.valueOf(HBaseLayout.NAMESPACE, HBaseLayout.FUND_FLOW_TABLE);
    byte[] family = Bytes.toBytes(HBaseLayout.FAMILY);
    byte[] row = Bytes.add(new byte[] {(byte) 7}, Bytes.toBytes("it-" + UUID.randomUUID()));
    try (org.apache.hadoop.hbase.client.Connection connection =
            org.apache.hadoop.hbase.client.ConnectionFactory.createConnection(
                HBaseHealth.configuration(stack.hbase(), false));
        Admin admin = connection.getAdmin();
        Table table = connection.getTable(name)) {
      // Pre-split: a region starts at every salt. (A long-lived test stack may hold more regions:
      // HBase splits big ones, and FundFlowStoreIT splits one inside a salt.)
      Set<String> starts = new HashSet<>();
      admin.getRegions(name).forEach(r -> starts.add(Bytes.toStringBinary(r.getStartKey())));
      assertTrue(starts.contains(""), "the first region starts at the table's start");
      for (int salt = 1; salt < HBaseLayout.SALT_BUCKETS; salt++) {
        String split = Bytes.toStringBinary(new byte[] {(byte) salt});
        assertTrue(starts.contains(split), "a region starts at salt " + salt + ": " + starts);
      }
      ColumnFamilyDescriptor cf = admin.getDescriptor(name).getColumnFamily(family);
      assertEquals(DataBlockEncoding.FAST_DIFF, cf.getDataBlockEncoding());
      assertEquals(HBaseLayout.DETAIL_BLOCK_SIZE, cf.getBlocksize());
      assertEquals(BloomType.ROWPREFIX_FIXED_LENGTH, cf.getBloomFilterType());
      assertEquals(
          Integer.toString(HBaseLayout.DETAIL_BLOOM_PREFIX_LENGTH),
          cf.getConfigurationValue(HBaseTables.BLOOM_PREFIX_LENGTH_KEY));
      assertEquals(1, cf.getMaxVersions());

      table.put(new Put(row).addColumn(family, Bytes.toBytes("amt"), 42L, Bytes.toBytes("100.00")));
      // Flushing writes a store file, so the compression codec really runs on this machine.
      admin.flush(name);
      Result result = table.get(new Get(row));
      assertArrayEquals(Bytes.toBytes("100.00"), result.getValue(family, Bytes.toBytes("amt")));
      assertEquals(42L, result.getColumnLatestCell(family, Bytes.toBytes("amt")).getTimestamp());
    }
  }

  @Test
  void writesAndReadsADatabaseRow(StackEndpoints stack) throws Exception {
    String portfolio = "IT" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword())) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO ADS_ADVISORY_DAILY (TRADE_DATE, PORTFOLIO_CODE, ADDED_AMOUNT, AUM,"
                  + " UPDATED_AT, SOURCE) VALUES (?, ?, CAST(? AS NUMBER(19,2)),"
                  + " CAST(? AS NUMBER(21,2)), CURRENT_TIMESTAMP, 'BATCH')")) {
        insert.setInt(1, 20260105);
        insert.setString(2, portfolio);
        insert.setBigDecimal(3, new BigDecimal("2500.50"));
        insert.setBigDecimal(4, new BigDecimal("10000.00"));
        assertEquals(1, insert.executeUpdate());
      }
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT ADDED_AMOUNT, AUM, SOURCE FROM ADS_ADVISORY_DAILY"
                  + " WHERE TRADE_DATE = ? AND PORTFOLIO_CODE = ?")) {
        select.setInt(1, 20260105);
        select.setString(2, portfolio);
        try (ResultSet rows = select.executeQuery()) {
          assertTrue(rows.next());
          assertEquals(new BigDecimal("2500.50"), rows.getBigDecimal(1));
          assertEquals(new BigDecimal("10000.00"), rows.getBigDecimal(2));
          assertEquals("BATCH", rows.getString(3));
        }
      }
    }
  }

  @Test
  void flinkAnswersWithATaskManagerAndItsSlots(StackEndpoints stack) throws Exception {
    HttpResponse<String> overview =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.flinkRestUrl() + "/overview")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, overview.statusCode());
    Map<?, ?> body = new com.fasterxml.jackson.databind.ObjectMapper().readValue(overview.body(), Map.class);
    assertEquals(1, body.get("taskmanagers"));
    assertEquals(4, body.get("slots-total"));
  }
}
