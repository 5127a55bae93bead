package io.fundflow.stack.server;

import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;

/** One Kafka broker in KRaft mode ({@code kafka.Kafka}), its storage formatted on first start. */
public final class KafkaServer implements LocalServer {

  @Override
  public Service service() {
    return Service.KAFKA;
  }

  @Override
  public List<String> processNames() {
    return List.of("kafka");
  }

  @Override
  public List<ServerProcess> prepare(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException {
    Path conf = home.conf(Service.KAFKA);
    Path logDir = home.data(Service.KAFKA).resolve("logs");
    Files.createDirectories(conf);
    Files.createDirectories(logDir);
    Path serverProperties = conf.resolve("server.properties");
    Files.writeString(serverProperties, KafkaServerConfig.render(settings.ports(), logDir));
    Path log4j = conf.resolve("log4j2.properties");
    Files.writeString(log4j, LogConfigs.log4j2());
    String classpath = ServerClasspath.of("kafka");
    List<String> logging = List.of("-Dlog4j2.configurationFile=" + log4j.toUri());
    // KRaft refuses to start on unformatted storage; format once, keep the cluster id afterwards.
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      tool.run(
          "Kafka storage format",
          classpath,
          logging,
          "kafka.tools.StorageTool",
          List.of(
              "format", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString()));
    }
    List<String> jvm =
        new java.util.ArrayList<>(
            List.of(
                "-Xmx" + settings.heaps().get(Service.KAFKA),
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + home.logs()));
    jvm.addAll(logging);
    jvm.addAll(settings.extraJvmOptions().get(Service.KAFKA));
    return List.of(
        new ServerProcess(
            "kafka",
            Service.KAFKA,
            "kafka.Kafka",
            classpath,
            List.copyOf(jvm),
            List.of(serverProperties.toString())));
  }
}
