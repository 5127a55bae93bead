package io.fundflow.demo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where the demo finds what it launches in a built checkout: the realtime job jar it has the
 * scheduler upload to Flink, the serving jar it runs as a process, and the correction's class path.
 */
public record DemoLayout(Path repo, String version, String sparkJavaOptions) {

  /** The layout of the checkout at {@code repo}, with the build's version and Spark options. */
  public static DemoLayout of(Path repo) {
    Properties p = new Properties();
    try (InputStream in = DemoLayout.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties missing: build the demo module with Maven");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DemoLayout(
        repo.toAbsolutePath().normalize(),
        p.getProperty("project.version"),
        p.getProperty("spark.java.options"));
  }

  /** The shaded realtime job jar. */
  public Path realtimeJobJar() {
    return built(repo.resolve("realtime/target/fundflow-realtime-" + version + "-job.jar"));
  }

  /** The runnable serving jar. */
  public Path servingJar() {
    return built(repo.resolve("serving/target/fundflow-serving-" + version + "-app.jar"));
  }

  /**
   * The batch jar with Spark, the HBase client and the JDBC drivers: the class path the batch
   * module writes at package for a plain {@code java -cp} run of its main.
   */
  public String correctionClasspath() {
    List<String> parts = new ArrayList<>();
    parts.add(built(repo.resolve("batch/target/fundflow-batch-" + version + ".jar")).toString());
    for (String scope : List.of("compile", "runtime")) {
      Path file = built(repo.resolve("batch/target/launch-classpath-" + scope + ".txt"));
      try {
        parts.add(Files.readString(file).strip());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  /**
   * The command the scheduler runs for the nightly correction of a day ({@code {date}} is the
   * day): the batch main in its own JVM, Spark local on two cores, the JSON report into {@code
   * reportDir}.
   */
  public String correctionCommand(String java, List<String> batchSettings, Path reportDir) {
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(List.of(sparkJavaOptions.trim().split("\\s+")));
    argv.add("-Xmx1536m");
    argv.add("-cp");
    argv.add(correctionClasspath());
    argv.add("io.fundflow.batch.BatchMain");
    argv.add("correct");
    argv.add("--date");
    argv.add("{date}");
    argv.add("--source");
    argv.add("jdbc");
    argv.add("--report");
    argv.add(reportDir.resolve("correction-{date}.json").toString());
    argv.addAll(batchSettings);
    for (String a : argv) {
      if (a.isEmpty() || a.chars().anyMatch(Character::isWhitespace)) {
        // The scheduler splits its command on whitespace.
        throw new IllegalStateException("a path with a space cannot go into the command: '" + a + "'");
      }
    }
    return String.join(" ", argv);
  }

  private static Path built(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(p + " is missing: build first (./platform build)");
    }
    return p;
  }
}
