package io.fundflow.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The traders' API and page, run from its jar as a process of its own, its output in a log file. */
public final class ServingProcess implements AutoCloseable {

  private static final Pattern READY = Pattern.compile("ready at (http://[^\\s/]+)");

  private final Process process;
  private final String url;

  private ServingProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts {@code java -jar servingJar serve -Dkey=value...} and waits until it prints where it
   * listens ({@code fundflow-serving ready at http://host:port/}).
   */
  public static ServingProcess start(
      String java, Path servingJar, Map<String, String> settings, Path log, Duration timeout)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", servingJar.toString(), "serve"));
    settings.forEach((k, v) -> argv.add("-D" + k + "=" + v));
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                  var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                  out.write(line);
                  out.newLine();
                  out.flush();
                  Matcher m = READY.matcher(line);
                  if (!ready.isDone() && m.find()) {
                    ready.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              // The output ends when the process does; the exit code may not be there yet.
              ready.completeExceptionally(
                  new IllegalStateException("serving stopped before it was ready; see " + log));
            },
            "serving-output");
    pump.setDaemon(true);
    pump.start();
    try {
      return new ServingProcess(p, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      p.destroyForcibly();
      throw new IllegalStateException("serving did not start within " + timeout + "; see " + log, e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    return url;
  }

  /** Stops the process: a graceful stop first (it drains its audit queue), then a kill. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
