package org.dispersal.cli;

import java.util.List;
import java.util.Objects;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;

/**
 * Wires the scenario reader to the shipped data: the one place that loads scenarios for commands.
 */
final class ScenarioSource {

  /** A scenario as run, with the text it was read from (for the manifest's hash). */
  record Loaded(Scenario scenario, String text) {}

  private ScenarioSource() {}

  /** The reader with shipped origins and the given overrides. */
  static ScenarioReader reader(List<String> overrides) {
    return ScenarioReader.withDefaults()
        .withSharedOrigins(asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf))
        .withOverrides(overrides);
  }

  /** Loads a built-in scenario or a file, applying {@code --set} overrides. */
  static Loaded load(String nameOrPath, List<String> overrides) {
    Scenario s = reader(overrides).read(nameOrPath);
    return new Loaded(s, text(nameOrPath));
  }

  /** The built-in scenario names. */
  static List<String> builtIns() {
    return ScenarioReader.builtInNames();
  }

  /** The text of a built-in scenario or a file, as written (empty if there is none). */
  static String text(String nameOrPath) {
    return Objects.requireNonNullElse(ScenarioReader.text(nameOrPath), "");
  }
}
