package org.dispersal.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code dispersal} command: forecasts where the foreign fighters of a collapsing proto-state
 * go. Wires the library modules together; each subcommand is a thin layer over them.
 */
@Command(
    name = "dispersal",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description =
        "Forecasts where foreign fighters go when a militant proto-state loses its territory.",
    subcommands = {
      ForecastCommand.class,
      ValidateCommand.class,
      ScenariosCommand.class,
      ExplainCommand.class,
      CalibrateCommand.class,
      HindcastCommand.class,
      SensitivityCommand.class,
      ScreeningCommand.class,
      ThreatCommand.class,
      CompareCommand.class,
      UpdateCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      RunsCommand.class,
      ExportCommand.class,
      BriefCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @Option(
      names = "--debug",
      description = "Show stack traces of errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    UserErrors errors = new UserErrors(args);
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl.execute(args);
  }
}
