package io.fundflow.stack.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.stack.config.PortPlan;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigFilesTest {

  private final PortPlan ports = PortPlan.withOffset(100);
  private final Path data = Path.of("/tmp/ff/data");

  @Test
  void kafkaIsOneKraftNodeOnPinnedLoopbackPorts() {
    String config = KafkaServerConfig.render(ports, data.resolve("kafka"));
    assertTrue(config.contains("process.roles=broker,controller\n"));
    assertTrue(config.contains("controller.quorum.voters=1@127.0.0.1:19193\n"));
    assertTrue(
        config.contains("listeners=PLAINTEXT://127.0.0.1:19192,CONTROLLER://127.0.0.1:19193\n"));
    assertTrue(config.contains("advertised.listeners=PLAINTEXT://127.0.0.1:19192\n"));
    assertTrue(config.contains("log.dirs=/tmp/ff/data/kafka\n"));
    assertTrue(config.contains("offsets.topic.replication.factor=1\n"));
    assertTrue(config.contains("transaction.state.log.min.isr=1\n"));
  }

  @Test
  void hbaseIsStandaloneWithoutWebUiOnPinnedPorts() {
    Map<String, String> site = HBaseSiteConfig.properties(ports, data.resolve("hbase"));
    assertEquals("false", site.get("hbase.cluster.distributed"));
    assertEquals("file:///tmp/ff/data/hbase/root", site.get("hbase.rootdir"));
    assertEquals("12281", site.get("hbase.zookeeper.property.clientPort"));
    assertEquals("16200", site.get("hbase.master.port"));
    assertEquals("16220", site.get("hbase.regionserver.port"));
    assertEquals("-1", site.get("hbase.master.info.port"));
    assertEquals("-1", site.get("hbase.regionserver.info.port"));
    assertEquals("false", site.get("hbase.flush.procedure.enabled"));
    assertEquals(
        "io.fundflow.hbase.coprocessor.RangeScanObserver",
        site.get("hbase.coprocessor.region.classes"));
    String xml = HBaseSiteConfig.render(ports, data.resolve("hbase"));
    assertTrue(
        xml.contains("<property><name>hbase.master.port</name><value>16200</value></property>"));
  }

  @Test
  void theRegionObserverTheSiteNamesIsOnTheServersClasspath() throws Exception {
    String observer =
        HBaseSiteConfig.properties(ports, data).get("hbase.coprocessor.region.classes");
    String classFile = observer.replace('.', '/') + ".class";
    boolean found = false;
    for (String entry : ServerClasspath.of("hbase").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        found |= Files.exists(p.resolve(classFile));
      } else if (entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(p.toFile())) {
          found |= jar.getEntry(classFile) != null;
        }
      }
    }
    assertTrue(found, observer + " is not on the HBase server's classpath");
  }

  @Test
  void flinkPinsEveryPort() {
    String yaml = FlinkClusterConfig.render(ports, data.resolve("flink"), 4, "1024m", "1536m");
    for (String line :
        List.of(
            "jobmanager.rpc.port: 16223",
            "blob.server.port: 16224",
            "taskmanager.rpc.port: 16225",
            "taskmanager.data.port: 16226",
            "metrics.internal.query-service.port: 16227-16228",
            "rest.port: 18181",
            "taskmanager.numberOfTaskSlots: 4",
            "jobmanager.memory.process.size: 1024m",
            "taskmanager.memory.process.size: 1536m",
            "execution.checkpointing.savepoint-dir: file:///tmp/ff/data/flink/savepoints",
            "cluster.intercept-user-system-exit: THROW")) {
      assertTrue(yaml.contains(line + "\n"), "missing: " + line);
    }
  }

  @Test
  void flinkLoadsHadoopClassesFromTheJobJarFirst() {
    String yaml = FlinkClusterConfig.render(ports, data.resolve("flink"), 4, "1024m", "1536m");
    String line =
        yaml.lines()
            .filter(l -> l.startsWith("classloader.parent-first-patterns.default: "))
            .findFirst()
            .orElseThrow();
    assertTrue(line.contains("\"org.apache.flink.\""), line);
    assertTrue(line.contains("\"java.\""), line);
    assertFalse(line.contains("hadoop"), line);
  }

  @Test
  void flinkMemoryResultLinesAreReadWithoutTheirPrefix() {
    String output =
        "INFO some log line\n"
            + "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx469762048 -Xms469762048\n"
            + "BASH_JAVA_UTILS_EXEC_RESULT:-D jobmanager.memory.off-heap.size=134217728b\n";
    assertEquals(
        List.of("-Xmx469762048 -Xms469762048", "-D jobmanager.memory.off-heap.size=134217728b"),
        FlinkCluster.resultLines(output));
  }

  @Test
  void processCommandCarriesItsMarkerBeforeTheMainClass() {
    ServerProcess process =
        new ServerProcess(
            "db",
            io.fundflow.stack.config.Service.DB,
            "org.h2.tools.Server",
            "h2.jar",
            List.of("-Xmx256m"),
            List.of("-tcp"));
    List<String> command = process.command(Path.of("/usr/bin/java"), Path.of("/home/ff"));
    assertEquals(
        List.of(
            "/usr/bin/java",
            "-Dfundflow.stack.process=/home/ff#db",
            "-Xmx256m",
            "-cp",
            "h2.jar",
            "org.h2.tools.Server",
            "-tcp"),
        command);
  }
}
