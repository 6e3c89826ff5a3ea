package org.dispersal.input.scenario;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.dispersal.model.Scenario;

/**
 * Whatever text a user writes, reading it ends in a valid scenario or in a {@link
 * ScenarioException} whose problems are one line each: never in another exception.
 *
 * <p>The seeds under {@code ScenarioFuzzTestInputs/readsAnyTextIntoAScenarioOrProblems} run in
 * every build (Jazzer's regression mode); {@code JAZZER_FUZZ=1} fuzzes from them. Lines that start
 * with {@code #set } are YAML comments that the harness passes on as {@code --set} overrides, so
 * the fuzzer mutates overrides too.
 */
class ScenarioFuzzTest {

  private static final String SET = "#set ";
  private static final ScenarioReader READER = Fixtures.reader();

  @FuzzTest(maxDuration = "5m")
  void readsAnyTextIntoAScenarioOrProblems(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    List<String> overrides =
        text.lines().filter(l -> l.startsWith(SET)).map(l -> l.substring(SET.length())).toList();
    try {
      Scenario scenario = READER.withOverrides(overrides).parse(text, "fuzz.yaml");
      if (scenario == null) {
        throw new AssertionError("the reader returned no scenario and no problems");
      }
    } catch (ScenarioException e) {
      for (Problem p : e.problems()) {
        if (p.toString().contains("\n") || p.toString().contains("\r")) {
          throw new AssertionError("a problem spans lines: " + p, e);
        }
      }
    }
  }
}
