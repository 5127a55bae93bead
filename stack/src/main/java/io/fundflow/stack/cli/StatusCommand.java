package io.fundflow.stack.cli;

import io.fundflow.stack.LocalStack;
import io.fundflow.stack.ServiceStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code status}: each service's port, PIDs, health, memory and last start time. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show each service: client port, PIDs, health (checked now), resident memory (VmRSS) and how"
          + " long its last start took to become healthy. Exit code 0 when all are healthy, 3 otherwise."
    })
final class StatusCommand implements Callable<Integer> {

  @ParentCommand StackCli parent;
  @Mixin StackOptions options;

  @Override
  public Integer call() {
    LocalStack stack = parent.stack(options);
    List<ServiceStatus> statuses = stack.status();
    PrintWriter out = parent.out();
    out.printf("%-7s %-6s %-16s %-10s %9s %10s%n", "SERVICE", "PORT", "PID", "HEALTH", "RSS", "HEALTHY IN");
    long totalKib = 0;
    for (ServiceStatus s : statuses) {
      String pids =
          s.external()
              ? "external"
              : s.pids().isEmpty()
                  ? "-"
                  : s.pids().stream().map(String::valueOf).collect(Collectors.joining(","));
      totalKib += s.residentKib().orElse(0);
      out.printf(
          "%-7s %-6d %-16s %-10s %9s %10s%n",
          s.service().cliName(),
          s.port(),
          pids,
          s.state(),
          s.residentKib().isPresent() ? mib(s.residentKib().getAsLong()) : "-",
          s.secondsToHealthy().isPresent()
              ? String.format("%.1f s", s.secondsToHealthy().getAsDouble())
              : "-");
    }
    out.printf("Total RSS: %s   home: %s%n", mib(totalKib), stack.home().root());
    boolean allHealthy = statuses.stream().allMatch(s -> s.state().equals("healthy"));
    return allHealthy ? 0 : 3;
  }

  private static String mib(long kib) {
    return String.format("%d MiB", Math.round(kib / 1024.0));
  }
}
