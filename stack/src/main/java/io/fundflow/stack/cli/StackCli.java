package io.fundflow.stack.cli;

import io.fundflow.stack.LocalStack;
import io.fundflow.stack.StackException;
import io.fundflow.stack.config.StackSettingsException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ./platform} stack commands. Run in-process with {@link #execute}, which tests use
 * with their own output and environment.
 */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    description = "Local stack: real Kafka, HBase, Flink and H2 as local processes.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      BootstrapCommand.class
    })
public final class StackCli implements Runnable {

  private final Map<String, String> env;
  @Spec CommandSpec spec;

  public StackCli(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public void run() {
    spec.commandLine().usage(out());
  }

  /** Runs a command line, printing to {@code out}/{@code err}; returns the exit code. */
  public static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new StackCli(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof StackException
              || e instanceof StackSettingsException
              || e instanceof IllegalStateException
              || e instanceof IllegalArgumentException) {
            out.flush();
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
          }
          throw e;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  Map<String, String> env() {
    return env;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  LocalStack stack(StackOptions options) {
    return new LocalStack(options.home(env), options.settings(env), out());
  }
}
