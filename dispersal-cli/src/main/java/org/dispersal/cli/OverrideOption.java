package org.dispersal.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --set} option of forecast and the analyst commands: parameter overrides, a number, a
 * range or a distribution each.
 */
final class OverrideOption {

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description =
          "Override a parameter: a number (fixed), LOW..HIGH (uniform) or dist(args). Repeatable.")
  List<String> sets = new ArrayList<>();
}
