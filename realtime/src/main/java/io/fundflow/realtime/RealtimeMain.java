package io.fundflow.realtime;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the realtime module: Flink jobs that build DWD and DWS from the ODS change log. */
@Command(
    name = "fundflow-realtime",
    mixinStandardHelpOptions = true,
    description = "Flink jobs that build DWD and DWS from the ODS change log.",
    footer = "%nThis module is a shell until its own issue fills it.")
public final class RealtimeMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RealtimeMain()).execute(args));
  }
}
