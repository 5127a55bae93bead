package io.fundflow.scheduler;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the scheduler module: Quartz service that drives the stream jobs and the nightly correction. */
@Command(
    name = "fundflow-scheduler",
    mixinStandardHelpOptions = true,
    description = "Quartz service that drives the stream jobs and the nightly correction.",
    footer = "%nThis module is a shell until its own issue fills it.")
public final class SchedulerMain implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SchedulerMain()).execute(args));
  }
}
