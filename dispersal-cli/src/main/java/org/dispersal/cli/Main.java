package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.List;
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
        "Forecasts where foreign fighters go when a militant proto-state loses its territory.")
public final class Main implements Runnable {

  /**
   * A subcommand: its name (as its {@code @Command} gives it) and its class, which picocli makes (a
   * class, not a method reference: each of those costs a class of its own at the start).
   */
  private record Subcommand(String name, Class<?> type) {}

  /**
   * The subcommands, in the order of the usage message. Picocli reads a command's options from its
   * annotations when the command is added: all of them took about 55 ms of main's CPU more than one
   * before a forecast's first replication (docs/PERFORMANCE.md, "Session 14: the way to the first
   * replication"), so a command line that names one is given that one alone.
   */
  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("forecast", ForecastCommand.class),
          new Subcommand("validate", ValidateCommand.class),
          new Subcommand("scenarios", ScenariosCommand.class),
          new Subcommand("explain", ExplainCommand.class),
          new Subcommand("calibrate", CalibrateCommand.class),
          new Subcommand("hindcast", HindcastCommand.class),
          new Subcommand("sensitivity", SensitivityCommand.class),
          new Subcommand("screening", ScreeningCommand.class),
          new Subcommand("threat", ThreatCommand.class),
          new Subcommand("compare", CompareCommand.class),
          new Subcommand("update", UpdateCommand.class),
          new Subcommand("bench", BenchCommand.class),
          new Subcommand("serve", ServeCommand.class),
          new Subcommand("runs", RunsCommand.class),
          new Subcommand("export", ExportCommand.class),
          new Subcommand("brief", BriefCommand.class),
          new Subcommand("help", CommandLine.HelpCommand.class));

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
    CommandLine cl = command(args);
    cl.setOut(out);
    cl.setErr(err);
    UserErrors errors = new UserErrors(args);
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl.execute(args);
  }

  /**
   * The command line for these arguments: with only the subcommand they name when they name one
   * (after {@code --debug}, the one option of ours that may come first), else with every
   * subcommand, which {@code help}, the usage message and the suggestions for a mistyped name list.
   */
  static CommandLine command(String[] args) {
    int i = 0;
    while (i < args.length && args[i].equals("--debug")) {
      i++;
    }
    String named = i < args.length && !args[i].equals("help") ? args[i] : null;
    boolean one = false;
    for (Subcommand c : SUBCOMMANDS) {
      one |= c.name().equals(named);
    }
    CommandLine cl = new CommandLine(new Main());
    for (Subcommand c : SUBCOMMANDS) {
      if (!one || c.name().equals(named)) {
        cl.addSubcommand(c.name(), c.type());
      }
    }
    return cl;
  }
}
