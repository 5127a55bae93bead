package io.fundflow.serving.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.common.config.ConfigException;
import io.fundflow.common.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingConfigTest {

  @TempDir Path dir;

  private Map<String, String> valid() throws Exception {
    Path users = Files.writeString(dir.resolve("users.properties"), "# none yet\n");
    Map<String, String> m = new HashMap<>();
    m.put("db.url", "jdbc:h2:mem:x");
    m.put("serving.users.file", users.toString());
    m.put("serving.jwt.secret", "j".repeat(32));
    m.put("serving.cursor.secret", "c".repeat(32));
    return m;
  }

  private static ServingConfig config(Map<String, String> file, Map<String, String> overrides) {
    return ServingConfig.from(Settings.of(file, "serving.properties", Map.of(), overrides));
  }

  @Test
  void hbaseThroughZooKeeperQuorumAndPort() throws Exception {
    Map<String, String> m = valid();
    m.put("hbase.zookeeper.quorum", "zk1,zk2");
    ServingConfig c = config(m, Map.of("hbase.zookeeper.property.clientPort", "12581"));
    assertEquals(
        Map.of(
            "hbase.zookeeper.quorum", "zk1,zk2",
            "hbase.zookeeper.property.clientPort", "12581"),
        c.hbase().properties());
  }

  @Test
  void hbaseThroughMasterBootstrapServers() throws Exception {
    Map<String, String> m = valid();
    m.put("hbase.bootstrap.servers", "127.0.0.1:16500");
    ServingConfig c = config(m, Map.of());
    assertEquals("127.0.0.1:16500", c.hbase().properties().get("hbase.client.bootstrap.servers"));
    assertEquals(8080, c.httpPort());
    assertEquals(10_000, c.auditQueueSize());
    assertTrue(c.auditRefuseWhenFull(), "an unaudited query is refused unless asked otherwise");
    assertEquals(Duration.ofMinutes(5), c.branchCacheTtl());
  }

  @Test
  void neitherOrBothHBaseWaysIsAnErrorNamingTheKeys() throws Exception {
    ConfigException none = assertThrows(ConfigException.class, () -> config(valid(), Map.of()));
    assertTrue(none.getMessage().contains("hbase.bootstrap.servers"), none.getMessage());
    Map<String, String> both = valid();
    both.put("hbase.bootstrap.servers", "127.0.0.1:16500");
    both.put("hbase.zookeeper.quorum", "127.0.0.1");
    ConfigException e = assertThrows(ConfigException.class, () -> config(both, Map.of()));
    assertTrue(e.getMessage().contains("set only one"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedNamingItsKey() throws Exception {
    Map<String, String> m = valid();
    m.put("hbase.bootstrap.servers", "127.0.0.1:16500");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                config(
                    m,
                    Map.of(
                        "http.port", "eighty",
                        "serving.users.file", dir.resolve("missing").toString(),
                        "serving.audit.queue-size", "0")));
    String all = String.join("\n", e.problems());
    assertEquals(3, e.problems().size(), all);
    assertTrue(all.contains("http.port"), all);
    assertTrue(all.contains("serving.users.file"), all);
    assertTrue(all.contains("serving.audit.queue-size"), all);
  }
}
