package org.dispersal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.input.scenario.ScenarioReader;

/** Built-in scenarios read as the command line and the service read them, for the tests. */
final class Scenarios {

  static final Provenance PROVENANCE = new Provenance("test", "data-test");

  private Scenarios() {}

  static ScenarioReader reader() {
    return ScenarioReader.withDefaults()
        .withSharedOrigins(asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf));
  }

  /** A built-in scenario over {@code months} months. */
  static ScenarioInput builtIn(String name, int months) {
    return new ScenarioInput(reader().read(name), text(name)).withMonths(months);
  }

  /** A built-in scenario with its hypotheses. */
  static HypothesisScenario withHypotheses(String name) {
    return reader().readWithHypotheses(name);
  }

  static String text(String name) {
    try (InputStream in =
        Scenarios.class
            .getClassLoader()
            .getResourceAsStream(ScenarioReader.BUILT_IN_DIRECTORY + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
