package org.dispersal.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} option of commands that report a forecast: the master seed. */
final class SeedOption {

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + ForecastCommand.DEFAULT_SEED,
      description =
          "Master seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
  long value;
}
