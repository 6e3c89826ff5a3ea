package org.dispersal.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in the test's JVM, as a user runs it, and captures what it prints. */
final class Commands {

  private Commands() {}

  /** The result of one command: exit code, standard output, standard error. */
  record Result(int code, String out, String err) {}

  /** Runs one command. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** The arguments {@code base} followed by {@code more}. */
  static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
