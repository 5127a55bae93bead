package io.fundflow.stack.cli;

import io.fundflow.stack.config.Service;
import io.fundflow.stack.config.StackHome;
import io.fundflow.stack.server.LocalServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code logs}: the end of a service's log file(s), optionally followed. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the last lines of a service's log (Flink has two: JobManager, TaskManager).")
final class LogsCommand implements Callable<Integer> {

  @ParentCommand StackCli parent;
  @Mixin StackOptions options;

  @Parameters(paramLabel = "SERVICE", description = "kafka, hbase, flink or db")
  String service;

  @Option(names = {"-n", "--lines"}, description = "Lines to print per log (default ${DEFAULT-VALUE})")
  int lines = 100;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted")
  boolean follow;

  @Override
  public Integer call() throws IOException, InterruptedException {
    StackHome home = options.home(parent.env());
    PrintWriter out = parent.out();
    List<Path> logs =
        LocalServer.of(Service.fromCliName(service)).processNames().stream()
            .map(home::logFile)
            .toList();
    for (Path log : logs) {
      if (!Files.exists(log)) {
        out.println("(no log yet: " + log + ")");
        continue;
      }
      out.println("==> " + log + " <==");
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out::println);
    }
    out.flush();
    if (follow) {
      follow(logs, out);
    }
    return 0;
  }

  private static void follow(List<Path> logs, PrintWriter out)
      throws IOException, InterruptedException {
    long[] positions = new long[logs.size()];
    for (int i = 0; i < logs.size(); i++) {
      positions[i] = Files.exists(logs.get(i)) ? Files.size(logs.get(i)) : 0;
    }
    while (!Thread.currentThread().isInterrupted()) {
      for (int i = 0; i < logs.size(); i++) {
        Path log = logs.get(i);
        if (!Files.exists(log) || Files.size(log) <= positions[i]) {
          continue;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
          file.seek(positions[i]);
          byte[] bytes = new byte[(int) (file.length() - positions[i])];
          file.readFully(bytes);
          positions[i] = file.length();
          out.print(new String(bytes, StandardCharsets.UTF_8));
          out.flush();
        }
      }
      Thread.sleep(500);
    }
  }
}
