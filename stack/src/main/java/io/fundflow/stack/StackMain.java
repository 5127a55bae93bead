package io.fundflow.stack;

import io.fundflow.stack.cli.StackCli;
import java.io.PrintWriter;

/**
 * Entry point of the local-stack launcher ({@code ./platform up | down | status | logs |
 * bootstrap}); {@code ./platform --help} lists the commands, {@code <command> --help} their options.
 */
public final class StackMain {

  private StackMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(StackCli.execute(args, System.getenv(), out, err));
  }
}
