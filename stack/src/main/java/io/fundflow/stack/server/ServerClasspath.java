package io.fundflow.stack.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The classpath of one server, as its pom-only module under {@code stack/servers/} resolved it at
 * build time. Each server gets its own, because their dependencies clash (HBase server and the
 * shaded client; Flink and HBase).
 */
public final class ServerClasspath {

  private ServerClasspath() {}

  /** The classpath of {@code server} (kafka, hbase, flink, h2); fails if the build did not make it. */
  public static String of(String server) {
    String resource = "/io/fundflow/stack/servers/" + server + "/classpath.txt";
    try (InputStream in = ServerClasspath.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the "
                + server
                + " classpath is not packaged ("
                + resource
                + "); build the stack module with its servers: ./mvnw -pl stack -am package");
      }
      String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      List<String> entries = List.of(classpath.split(java.io.File.pathSeparator));
      for (String entry : entries) {
        if (!Files.exists(Path.of(entry))) {
          throw new IllegalStateException(
              "the " + server + " classpath names a missing jar " + entry + "; run the build again");
        }
      }
      return classpath;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
