package org.dispersal.cli;

import java.util.concurrent.Callable;
import org.dispersal.engine.MarkovModel;
import org.dispersal.input.scenario.MarkovScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dispersal scenarios}: lists the built-in scenarios. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = "List the built-in scenarios.")
final class ScenariosCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (String name : ScenarioSource.builtIns()) {
      var loaded = ScenarioSource.load(name, java.util.List.of());
      var s = loaded.scenario();
      out.printf(
          java.util.Locale.ROOT,
          "%-30s start %s, %d months, %d origins, %d parameters%n  %s%n",
          s.name(),
          s.start(),
          s.months(),
          s.origins().size(),
          s.parameters().size(),
          s.description());
    }
    for (String name : MarkovScenarioReader.builtInNames()) {
      MarkovModel m = MarkovScenarioReader.read(name);
      out.printf(
          java.util.Locale.ROOT,
          "%-30s Markov benchmark, %d months, %d states, %d agents (run with dispersal bench)%n  %s%n",
          m.name(),
          m.months(),
          m.states().size(),
          m.population(),
          m.description());
    }
    return 0;
  }
}
