package io.fundflow.stack.server;

import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * HBase in standalone mode: master, region server and ZooKeeper in one JVM ({@code HMaster start}),
 * data on the local file system. Stopped with {@code HMaster stop --shutDownCluster}, so regions
 * are flushed and closed before the JVM exits.
 */
public final class HBaseServer implements LocalServer {

  /** Java 17 flags HBase 2.6 needs to reach JDK internals without warnings. */
  static final List<String> JAVA17_FLAGS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "-Dorg.apache.hbase.thirdparty.io.netty.tryReflectionSetAccessible=true");

  @Override
  public Service service() {
    return Service.HBASE;
  }

  @Override
  public List<String> processNames() {
    return List.of("hbase");
  }

  @Override
  public List<ServerProcess> prepare(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException {
    Path conf = home.conf(Service.HBASE);
    Path data = home.data(Service.HBASE);
    Files.createDirectories(conf);
    Files.createDirectories(data);
    Files.writeString(conf.resolve("hbase-site.xml"), HBaseSiteConfig.render(settings.ports(), data));
    Files.writeString(conf.resolve("log4j.properties"), LogConfigs.log4j1());
    List<String> jvm = new ArrayList<>(jvmOptions(home, settings.heaps().get(Service.HBASE)));
    jvm.addAll(settings.extraJvmOptions().get(Service.HBASE));
    return List.of(
        new ServerProcess(
            "hbase",
            Service.HBASE,
            "org.apache.hadoop.hbase.master.HMaster",
            classpath(home),
            List.copyOf(jvm),
            List.of("start")));
  }

  @Override
  public void requestStop(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException {
    // Plain "stop" only stops the master; --shutDownCluster closes the regions, then the JVM exits.
    tool.run(
        "HBase shutdown",
        classpath(home),
        jvmOptions(home, "256m"),
        "org.apache.hadoop.hbase.master.HMaster",
        List.of("-D", "hbase.client.retries.number=3", "stop", "--shutDownCluster"));
  }

  private static String classpath(StackHome home) {
    // hbase-site.xml is read from the classpath: the config folder goes first.
    return home.conf(Service.HBASE) + File.pathSeparator + ServerClasspath.of("hbase");
  }

  private static List<String> jvmOptions(StackHome home, String heap) {
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + heap);
    jvm.add("-XX:+UseG1GC");
    // GZ blocks are inflated through java.util.zip, whose JNI critical sections hold the GC locker;
    // with many scans at once G1 gave up after 2 retries and threw OutOfMemoryError on a heap that
    // was not full (JDK-8192647), killing the region server. Retry as long as it takes instead.
    jvm.add("-XX:+UnlockDiagnosticVMOptions");
    jvm.add("-XX:GCLockerRetryAllocationCount=100");
    jvm.addAll(JAVA17_FLAGS);
    jvm.add("-Djava.net.preferIPv4Stack=true");
    jvm.add("-Dzookeeper.admin.enableServer=false");
    jvm.add("-Dhbase.log.dir=" + home.logs());
    jvm.add("-Dlog4j.configuration=" + home.conf(Service.HBASE).resolve("log4j.properties").toUri());
    return jvm;
  }
}
