package io.fundflow.stack.server;

import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.config.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded database: an H2 TCP server. Clients connect in Oracle mode (a URL setting, see
 * {@link StackSettings.DatabaseSettings#jdbcUrl}); the database file is created on first connect.
 */
public final class H2Server implements LocalServer {

  @Override
  public Service service() {
    return Service.DB;
  }

  @Override
  public List<String> processNames() {
    return List.of("db");
  }

  @Override
  public List<ServerProcess> prepare(StackHome home, StackSettings settings, JavaTool tool)
      throws IOException {
    Path data = home.data(Service.DB);
    Files.createDirectories(data);
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + settings.heaps().get(Service.DB)));
    jvm.addAll(settings.extraJvmOptions().get(Service.DB));
    return List.of(
        new ServerProcess(
            "db",
            Service.DB,
            "org.h2.tools.Server",
            ServerClasspath.of("h2"),
            List.copyOf(jvm),
            List.of(
                "-tcp",
                "-tcpPort",
                Integer.toString(settings.ports().database()),
                "-ifNotExists",
                "-baseDir",
                data.toString())));
  }
}
