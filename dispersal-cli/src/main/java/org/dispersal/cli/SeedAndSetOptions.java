package org.dispersal.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --seed} and {@code --set} options of calibrate, hindcast and sensitivity. */
final class SeedAndSetOptions {

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + ForecastCommand.DEFAULT_SEED,
      description = "Master seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Override a parameter. Repeatable.")
  List<String> sets = new ArrayList<>();
}
