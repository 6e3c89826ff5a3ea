package org.dispersal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.dispersal.input.data.DataException;
import org.dispersal.input.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors into what a user should see: one line per problem on standard error and a non-zero
 * exit code; a stack trace only with {@code --debug}.
 */
final class UserErrors implements IExecutionExceptionHandler {

  /** Exit code of a user error (bad input). */
  static final int USER = 2;

  /** Exit code of a command-line usage error. */
  static final int USAGE = 64;

  /** Exit code of an internal error (a bug). */
  static final int INTERNAL = 70;

  private final boolean debug;

  UserErrors(String[] args) {
    this.debug = Arrays.asList(args).contains("--debug");
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    var err = cl.getErr();
    if (debug) {
      ex.printStackTrace(err);
    }
    if (ex instanceof ScenarioException se) {
      se.problems().forEach(p -> err.println(p));
      return USER;
    }
    if (ex instanceof DataException
        || ex instanceof UserException
        || ex instanceof IllegalArgumentException) {
      err.println("dispersal: " + oneLine(ex.getMessage()));
      return USER;
    }
    if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println("dispersal: cannot read or write a file: " + oneLine(ex.getMessage()));
      return USER;
    }
    err.println(
        "dispersal: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
    return INTERNAL;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ');
  }
}
