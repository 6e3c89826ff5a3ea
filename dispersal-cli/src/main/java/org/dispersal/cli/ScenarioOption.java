package org.dispersal.cli;

import picocli.CommandLine.Option;

/** The {@code --scenario} option, mixed into every command that reads a scenario. */
final class ScenarioOption {

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      defaultValue = "isis-2017",
      description = "Built-in scenario name or scenario file (default: ${DEFAULT-VALUE}).")
  String scenario;
}
