package io.fundflow.stack.cli;

import io.fundflow.stack.LocalStack;
import io.fundflow.stack.config.Service;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code up}: starts the services, waits until each is healthy, then bootstraps them. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack (all services, or those named), wait until each answers its health"
          + " check, then create topics, HBase tables and the database schema.",
      "Services already running and healthy are left alone."
    })
final class UpCommand implements Callable<Integer> {

  @ParentCommand StackCli parent;
  @Mixin StackOptions options;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "kafka, hbase, flink, db")
  List<String> services = List.of();

  @Option(names = "--no-bootstrap", description = "Skip topic, table and schema creation")
  boolean noBootstrap;

  @Override
  public Integer call() {
    LocalStack stack = parent.stack(options);
    List<Service> wanted =
        services.isEmpty()
            ? List.of(Service.values())
            : services.stream().map(Service::fromCliName).toList();
    long start = System.nanoTime();
    stack.up(wanted);
    if (!noBootstrap) {
      stack.bootstrap(wanted);
    }
    parent.out().printf(
        "Stack up in %.1f s under %s: %s%n",
        (System.nanoTime() - start) / 1e9, stack.home().root(), stack.endpoints());
    return 0;
  }
}
