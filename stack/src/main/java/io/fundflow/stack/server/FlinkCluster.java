package io.fundflow.stack.server;

import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Flink session cluster: one JobManager and one TaskManager, each its own JVM, with memory flags
 * computed by Flink's own {@code BashJavaUtils} (the helper behind Flink's shell scripts), because
 * flink-dist and its scripts are not on Maven Central.
 */
public final class FlinkCluster implements LocalServer {

  /** Process name of the JobManager. */
  public static final String JOB_MANAGER = "flink-jobmanager";
  /** Process name of the TaskManager. */
  public static final String TASK_MANAGER = "flink-taskmanager";
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  /** What Flink's distributed config.yaml sets for Java 17: Kryo and friends reflect into the JDK. */
  static final List<String> JAVA17_FLAGS =
      List.of(
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  @Override
  public Service service() {
    return Service.FLINK;
  }

  @Override
  public List<String> processNames() {
    return List.of(JOB_MANAGER, TASK_MANAGER);
  }

  @Override
  public List<ServerProcess> prepare(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException {
    Path conf = home.conf(Service.FLINK);
    Path data = home.data(Service.FLINK);
    Files.createDirectories(conf);
    for (String dir : List.of("tmp", "upload", "checkpoints", "savepoints")) {
      Files.createDirectories(data.resolve(dir));
    }
    Files.writeString(
        conf.resolve("config.yaml"),
        FlinkClusterConfig.render(
            settings.ports(),
            data,
            settings.flinkSlots(),
            settings.flinkJobManagerMemory(),
            settings.flinkTaskManagerMemory()));
    Path log4j = conf.resolve("log4j.properties");
    Files.writeString(log4j, LogConfigs.log4j2());
    String classpath = ServerClasspath.of("flink");
    return List.of(
        process(home, settings, tool, classpath, JOB_MANAGER, "GET_JM_RESOURCE_PARAMS",
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
            settings.ports().flinkJobManagerMetrics()),
        process(home, settings, tool, classpath, TASK_MANAGER, "GET_TM_RESOURCE_PARAMS",
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            settings.ports().flinkTaskManagerMetrics()));
  }

  private static ServerProcess process(
      StackHome home,
      StackSettings settings,
      JavaTool tool,
      String classpath,
      String name,
      String resourceCommand,
      String mainClass,
      int metricsPort)
      throws IOException {
    Path conf = home.conf(Service.FLINK);
    String output =
        tool.run(
            "Flink memory calculation (" + name + ")",
            classpath,
            List.of("-Xmx128m", "-Dlog4j2.configurationFile=" + conf.resolve("log4j.properties").toUri()),
            "org.apache.flink.runtime.util.bash.BashJavaUtils",
            List.of(resourceCommand, "--configDir", conf.toString()));
    List<String> results = resultLines(output);
    if (results.size() < 2) {
      throw new IOException("Flink's BashJavaUtils printed no memory settings:\n" + output);
    }
    List<String> jvm = new ArrayList<>(split(results.get(0)));
    jvm.addAll(JAVA17_FLAGS);
    jvm.add("-Dlog.file=" + home.logFile(name));
    jvm.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
    jvm.addAll(settings.extraJvmOptions().get(Service.FLINK));
    List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
    // The second line holds the derived memory sizes as "-D key=value" pairs for the process itself.
    args.addAll(split(results.get(1)));
    // Both processes start at once: give each its own metrics port rather than racing for the range.
    args.addAll(List.of("-D", "metrics.internal.query-service.port=" + metricsPort));
    return new ServerProcess(name, Service.FLINK, mainClass, classpath, List.copyOf(jvm), List.copyOf(args));
  }

  /** The result lines of a BashJavaUtils run, without their prefix. */
  static List<String> resultLines(String output) {
    return output
        .lines()
        .filter(line -> line.startsWith(RESULT_PREFIX))
        .map(line -> line.substring(RESULT_PREFIX.length()).trim())
        .toList();
  }

  private static List<String> split(String line) {
    return line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+"));
  }
}
