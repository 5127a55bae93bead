package io.fundflow.batch;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the batch module: Spark job that recomputes and corrects one trading day. */
@Command(
    name = "fundflow-batch",
    mixinStandardHelpOptions = true,
    description = "Spark job that recomputes and corrects one trading day.",
    footer = "%nThis module is a shell until its own issue fills it.")
public final class BatchMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BatchMain()).execute(args));
  }
}
