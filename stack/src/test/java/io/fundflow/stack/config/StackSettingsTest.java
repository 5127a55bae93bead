package io.fundflow.stack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSettingsTest {

  @Test
  void defaultsDescribeTheDemoStack() {
    StackSettings s = StackSettings.defaultSettings();
    assertEquals(0, s.portOffset());
    assertEquals(new StackSettings.TopicPartitions(4, 4, 4, 1), s.topicPartitions());
    assertEquals(4, s.flinkSlots());
    assertEquals("512m", s.heaps().get(Service.KAFKA));
    assertEquals("1g", s.heaps().get(Service.HBASE));
    assertEquals("256m", s.heaps().get(Service.DB));
    assertEquals(Duration.ofSeconds(120), s.startTimeout());
    assertFalse(s.database().external());
    assertEquals(List.of(Service.values()), s.localServices());
    assertEquals(
        "jdbc:h2:tcp://127.0.0.1:19101/fundflow;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH",
        s.database().jdbcUrl(s.ports()));
  }

  @Test
  void environmentWinsOverFileAndCommandLineWinsOverBoth() {
    Map<String, String> file = Map.of("port.offset", "10", "kafka.partitions.ods", "8");
    Map<String, String> env = Map.of("FUNDFLOW_PORT_OFFSET", "20", "FUNDFLOW_FLINK_TASKMANAGER_SLOTS", "2");
    StackSettings fromEnv = StackSettings.parse(file, env, Map.of());
    assertEquals(20, fromEnv.portOffset());
    assertEquals(8, fromEnv.topicPartitions().ods());
    assertEquals(2, fromEnv.flinkSlots());
    assertEquals(30, StackSettings.parse(file, env, Map.of("port.offset", "30")).portOffset());
  }

  @Test
  void partitionsFollowTheTopicLayer() {
    StackSettings.TopicPartitions p = new StackSettings.TopicPartitions(6, 5, 3, 1);
    assertEquals(6, p.forTopic("ods.fund_journal"));
    assertEquals(5, p.forTopic("dwd.fund_flow"));
    assertEquals(3, p.forTopic("dws.customer_day"));
    assertEquals(1, p.forTopic("dlq.ods"));
  }

  @Test
  void badValuesNameTheirKeyAndSource() {
    StackSettingsException notNumber =
        assertThrows(
            StackSettingsException.class,
            () -> StackSettings.parse(Map.of("kafka.partitions.dwd", "many"), Map.of(), Map.of()));
    assertTrue(notNumber.getMessage().contains("kafka.partitions.dwd"), notNumber.getMessage());
    assertTrue(notNumber.getMessage().contains("stack settings file"), notNumber.getMessage());

    StackSettingsException badMemory =
        assertThrows(
            StackSettingsException.class,
            () -> StackSettings.parse(Map.of(), Map.of("FUNDFLOW_HBASE_HEAP", "lots"), Map.of()));
    assertTrue(badMemory.getMessage().contains("hbase.heap"), badMemory.getMessage());
    assertTrue(badMemory.getMessage().contains("FUNDFLOW_HBASE_HEAP"), badMemory.getMessage());

    StackSettingsException zeroSlots =
        assertThrows(
            StackSettingsException.class,
            () -> StackSettings.parse(Map.of("flink.taskmanager.slots", "0"), Map.of(), Map.of()));
    assertTrue(zeroSlots.getMessage().contains("flink.taskmanager.slots"));

    StackSettingsException compression =
        assertThrows(
            StackSettingsException.class,
            () -> StackSettings.parse(Map.of("hbase.compression", "brotli"), Map.of(), Map.of()));
    assertTrue(compression.getMessage().contains("hbase.compression"));
  }

  @Test
  void unknownKeyInTheFileIsAnError() {
    StackSettingsException e =
        assertThrows(
            StackSettingsException.class,
            () -> StackSettings.parse(Map.of("kafka.partition.ods", "4"), Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("kafka.partition.ods"), e.getMessage());
  }

  @Test
  void anOracleUrlMeansTheDatabaseIsNotStarted() {
    StackSettings s =
        StackSettings.parse(
            Map.of("db.url", "jdbc:oracle:thin:@//db.example:1521/FUND", "db.user", "ff"),
            Map.of(),
            Map.of());
    assertTrue(s.database().external());
    assertEquals(List.of(Service.KAFKA, Service.HBASE, Service.FLINK), s.localServices());
    assertEquals("jdbc:oracle:thin:@//db.example:1521/FUND", s.database().jdbcUrl(s.ports()));
    assertFalse(s.database().toString().contains(s.database().password()));
  }

  @Test
  void aNonOracleDatabaseUrlIsRefused() {
    StackSettingsException e =
        assertThrows(
            StackSettingsException.class,
            () -> StackSettings.parse(Map.of("db.url", "jdbc:postgresql://x/y"), Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("db.url"));
  }

  @Test
  void extraJvmOptionsAreSplitPerService() {
    StackSettings s =
        StackSettings.parse(Map.of("kafka.jvm.options", " -Dx=1   -Dy=2 "), Map.of(), Map.of());
    assertEquals(List.of("-Dx=1", "-Dy=2"), s.extraJvmOptions().get(Service.KAFKA));
    assertEquals(List.of(), s.extraJvmOptions().get(Service.HBASE));
  }

  @Test
  void loadsAPropertiesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("stack.properties");
    Files.writeString(file, "# demo\nkafka.partitions.ods=12\nport.offset = 5\n");
    StackSettings s = StackSettings.load(file, Map.of(), Map.of());
    assertEquals(12, s.topicPartitions().ods());
    assertEquals(5, s.portOffset());
    assertEquals(19097, s.ports().kafkaBroker());
  }

}
