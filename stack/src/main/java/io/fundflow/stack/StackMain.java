package io.fundflow.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the local stack launcher: starts and stops Kafka, HBase, Flink and H2. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    description = "Starts and stops the local stack.",
    footer = "%nThis module is a shell until its own issue fills it.")
public final class StackMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new StackMain()).execute(args));
  }
}
