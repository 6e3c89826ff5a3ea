package org.dispersal.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dispersal explain}: the parameters of a scenario with their priors and sources. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Show a scenario's parameters: prior, unit, source or assumption, meaning.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      defaultValue = "isis-2017",
      description = "Built-in name or scenario file (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Override
  public Integer call() {
    Scenario s = ScenarioSource.load(scenario, java.util.List.of()).scenario();
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: %s%n%n", s.name(), s.description());
    out.printf(
        Locale.ROOT, "%-36s %-30s %-34s %s%n", "parameter", "prior", "unit", "source / assumption");
    int assumptions = 0;
    for (Parameter p : s.parameters().values()) {
      String provenance =
          p.isAssumption() ? "assumption: " + p.assumption() : String.join(", ", p.sources());
      assumptions += p.isAssumption() ? 1 : 0;
      out.printf(
          Locale.ROOT,
          "%-36s %-30s %-34s %s%n",
          p.name(),
          p.prior().describe(),
          p.unit() == null ? "" : p.unit(),
          provenance);
      out.printf(Locale.ROOT, "%-36s %s%n", "", p.description());
    }
    out.printf(
        Locale.ROOT,
        "%n%d parameters, %d sourced, %d assumptions%n",
        s.parameters().size(),
        s.parameters().size() - assumptions,
        assumptions);
    return 0;
  }
}
