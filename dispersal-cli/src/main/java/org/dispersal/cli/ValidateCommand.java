package org.dispersal.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dispersal.input.scenario.ScenarioException;
import org.dispersal.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dispersal validate FILE}: lists every problem of a scenario file, one line each. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a scenario file; print every problem on its own line (file:line:column: field).")
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file to check.")
  Path file;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Check these overrides too.")
  List<String> sets = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    try {
      Scenario s = ScenarioSource.reader(sets).read(file.toString());
      spec.commandLine()
          .getOut()
          .printf(
              java.util.Locale.ROOT,
              "%s: valid (%s, %d origins, %d parameters, %d months from %s)%n",
              file,
              s.name(),
              s.origins().size(),
              s.parameters().size(),
              s.months(),
              s.start());
      return 0;
    } catch (ScenarioException e) {
      var err = spec.commandLine().getErr();
      e.problems().forEach(p -> err.println(p));
      err.println(
          e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + file);
      return UserErrors.USER;
    }
  }
}
