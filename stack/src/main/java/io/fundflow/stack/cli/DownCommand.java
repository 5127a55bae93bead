package io.fundflow.stack.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code down}: stops what {@code up} started, by PID. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {
      "Stop every process the stack started under its home (HBase cleanly, the rest by SIGTERM;"
          + " killed if still alive after a timeout). Other processes are never touched."
    })
final class DownCommand implements Callable<Integer> {

  @ParentCommand StackCli parent;
  @Mixin StackOptions options;

  @Option(names = "--wipe", description = "Also delete the data folder, so the next up starts clean")
  boolean wipe;

  @Override
  public Integer call() {
    parent.stack(options).down(wipe);
    return 0;
  }
}
