package org.dispersal.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dispersal scenarios}: lists the built-in scenarios. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
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
          "%-16s start %s, %d months, %d origins, %d parameters%n  %s%n",
          s.name(), s.start(), s.months(), s.origins().size(), s.parameters().size(),
          s.description());
    }
    return 0;
  }
}
