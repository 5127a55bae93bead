package io.fundflow.stack.cli;

import io.fundflow.stack.config.Service;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bootstrap}: creates missing topics, HBase tables and schema objects on a running stack. */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description = {
      "Create the Kafka topics, the HBase namespace and pre-split tables, and apply the database"
          + " migrations, on a running stack. Idempotent: what exists is left alone."
    })
final class BootstrapCommand implements Callable<Integer> {

  @ParentCommand StackCli parent;
  @Mixin StackOptions options;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "kafka, hbase, db (default all)")
  List<String> services = List.of();

  @Override
  public Integer call() {
    List<Service> wanted =
        services.isEmpty()
            ? List.of(Service.values())
            : services.stream().map(Service::fromCliName).toList();
    parent.stack(options).bootstrap(wanted);
    return 0;
  }
}
