package io.fundflow.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.model.Customer;
import io.fundflow.common.names.Topics;
import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A small day against the real local stack: the change log published as fast as possible lands on
 * the ODS topics message for message, and the day-end data in the database's source tables.
 */
@ExtendWith(LocalStackExtension.class)
class GeneratorIT {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

  @Test
  void publishesTheChangeLogAndWritesTheDayEndTables(StackEndpoints stack) throws Exception {
    GeneratedDay day =
        TradingDayGenerator.generate(GeneratorSettings.defaults(DAY).withCustomers(40).withSeed(8));

    try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : Topics.ODS) {
        for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
          partitions.add(new TopicPartition(topic, p.partition()));
        }
      }
      Map<TopicPartition, Long> before = consumer.endOffsets(partitions);

      try (ChangeLogPublisher publisher =
          ChangeLogPublisher.connect(stack.kafkaBootstrap(), Pacing.asFastAsPossible())) {
        publisher.publish(day.changeLog());
        assertEquals(day.messagesPerTopic(), publisher.progress().sentPerTopic());
      }

      Map<TopicPartition, Long> after = consumer.endOffsets(partitions);
      Map<String, Long> landed = new HashMap<>();
      partitions.forEach(tp -> landed.merge(tp.topic(), after.get(tp) - before.get(tp), Long::sum));
      assertEquals(day.messagesPerTopic(), new java.util.TreeMap<>(landed));

      // The journal topic holds exactly the generated values, nulls (tombstones) included.
      List<TopicPartition> journal =
          partitions.stream().filter(tp -> tp.topic().equals(Topics.ODS_FUND_JOURNAL)).toList();
      consumer.assign(journal);
      journal.forEach(tp -> consumer.seek(tp, before.get(tp)));
      long expected = day.messagesPerTopic().get(Topics.ODS_FUND_JOURNAL);
      List<byte[]> values = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
      assertEquals(expected, values.size());
      Set<String> read = new HashSet<>();
      values.forEach(v -> read.add(v == null ? "<null>" : new String(v)));
      Set<String> generated = new HashSet<>();
      day.changeLog().stream()
          .filter(c -> c.topic().equals(Topics.ODS_FUND_JOURNAL))
          .forEach(c -> generated.add(c.value() == null ? "<null>" : new String(c.value())));
      assertEquals(generated, read);
    }

    Map<String, Integer> written =
        new JdbcDayEndWriter(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword())
            .write(day.dayEnd());
    assertEquals(day.dayEnd().journal().size(), written.get("FUND_JOURNAL"));
    try (Connection c =
        DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword())) {
      assertEquals(
          day.dayEnd().journal().size(),
          count(
              c, "SELECT COUNT(*) FROM FUND_JOURNAL WHERE INIT_DATE = " + day.dayEnd().initDate()));
      Set<String> clients = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT CLIENT_ID FROM CUSTOMER");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          clients.add(rs.getString(1));
        }
      }
      assertTrue(
          clients.containsAll(day.dayEnd().customers().stream().map(Customer::clientId).toList()));
      assertTrue(count(c, "SELECT COUNT(*) FROM CHANNEL") >= day.dayEnd().channels().size());
      assertTrue(
          count(c, "SELECT COUNT(*) FROM ADVISORY_CONTRACT") >= day.dayEnd().contracts().size());
      assertTrue(count(c, "SELECT COUNT(*) FROM ADVISORY_ORDER") >= day.dayEnd().orders().size());
      // A fault the stream missed is in the day-end table with its expected amount.
      Fault missing = day.faults().of(FaultKind.MISSING).get(0);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT OCCUR_BALANCE FROM FUND_JOURNAL WHERE INIT_DATE = ? AND SERIAL_NO = ?")) {
        ps.setInt(1, missing.initDate());
        ps.setLong(2, missing.serialNo());
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(missing.expectedAmount(), rs.getBigDecimal(1));
        }
      }
    }
  }

  private static long count(Connection c, String sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(StackEndpoints stack) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p);
  }
}
