package org.dispersal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.dispersal.app.problem.InputException;
import org.dispersal.input.data.DataException;
import org.dispersal.input.events.EventFileException;
import org.dispersal.input.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors into what a user should see: one line per problem on standard error and an exit
 * code; a stack trace only with {@code --debug}. Bad input, whether on the command line, in a
 * request the application layer refused ({@link InputException}) or in a file the readers refused,
 * exits with {@link #USER}; anything else is a bug and exits with {@link #INTERNAL}, never
 * disguised as bad input.
 */
final class UserErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** Exit code of a user error: bad input, an unknown option, a file that cannot be read. */
  static final int USER = 2;

  /** Exit code of an internal error (a bug). */
  static final int INTERNAL = 1;

  private final boolean debug;

  UserErrors(String[] args) {
    this.debug = Arrays.asList(args).contains("--debug");
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (debug) {
      ex.printStackTrace(err);
    }
    if (ex instanceof ScenarioException se) {
      se.problems().forEach(p -> err.println(p));
      return USER;
    }
    if (ex instanceof InputException ie) {
      ie.problems().forEach(p -> err.println("dispersal: " + p));
      return USER;
    }
    if (ex instanceof UserException
        || ex instanceof DataException
        || ex instanceof EventFileException) {
      err.println("dispersal: " + oneLine(ex.getMessage()));
      return USER;
    }
    if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println("dispersal: cannot read or write a file: " + oneLine(ex.getMessage()));
      return USER;
    }
    err.println(
        "dispersal: internal error: "
            + oneLine(String.valueOf(ex))
            + (debug ? "" : " (run with --debug for details)"));
    return INTERNAL;
  }

  /**
   * An unknown option or a bad option value: one line, a pointer to the help, exit {@link #USER}.
   */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("dispersal: " + oneLine(ex.getMessage()));
    err.println("Try 'dispersal " + subcommandName(ex.getCommandLine()) + "--help'.");
    return USER;
  }

  private static String subcommandName(CommandLine cl) {
    return cl.getParent() == null ? "" : cl.getCommandName() + " ";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ');
  }
}
