package io.fundflow.serving;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the serving module: HTTP API and web page for traders' fund-flow queries. */
@Command(
    name = "fundflow-serving",
    mixinStandardHelpOptions = true,
    description = "HTTP API and web page for traders' fund-flow queries.",
    footer = "%nThis module is a shell until its own issue fills it.")
public final class ServingMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServingMain()).execute(args));
  }
}
