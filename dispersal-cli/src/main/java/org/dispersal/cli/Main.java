package org.dispersal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
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

  /** A subcommand: its name (as its {@code @Command} gives it) and how to make one. */
  private record Subcommand(String name, Supplier<Object> make) {}

  /**
   * The subcommands, in the order of the usage message. Picocli reads a command's options from its
   * annotations when the command is added, which for all of them took longer than anything else
   * before a forecast's first replication (docs/PERFORMANCE.md, "Session 14: the way to the first
   * replication"); so a command line that names one is given that one alone.
   */
  private static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("forecast", ForecastCommand::new),
          new Subcommand("validate", ValidateCommand::new),
          new Subcommand("scenarios", ScenariosCommand::new),
          new Subcommand("explain", ExplainCommand::new),
          new Subcommand("calibrate", CalibrateCommand::new),
          new Subcommand("hindcast", HindcastCommand::new),
          new Subcommand("sensitivity", SensitivityCommand::new),
          new Subcommand("screening", ScreeningCommand::new),
          new Subcommand("threat", ThreatCommand::new),
          new Subcommand("compare", CompareCommand::new),
          new Subcommand("update", UpdateCommand::new),
          new Subcommand("bench", BenchCommand::new),
          new Subcommand("serve", ServeCommand::new),
          new Subcommand("runs", RunsCommand::new),
          new Subcommand("export", ExportCommand::new),
          new Subcommand("brief", BriefCommand::new),
          new Subcommand("help", CommandLine.HelpCommand::new));

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
    String named = i < args.length ? args[i] : null;
    boolean one =
        named != null
            && !named.equals("help")
            && SUBCOMMANDS.stream().anyMatch(c -> c.name().equals(named));
    CommandLine cl = new CommandLine(new Main());
    for (Subcommand c : SUBCOMMANDS) {
      if (!one || c.name().equals(named)) {
        cl.addSubcommand(c.name(), c.make().get());
      }
    }
    return cl;
  }
}
