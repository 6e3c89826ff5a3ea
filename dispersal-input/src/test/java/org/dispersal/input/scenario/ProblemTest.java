package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line form of problems and the exception that carries them. */
class ProblemTest {

  @Test
  void printsOneLineWithEveryPart() {
    Problem p =
        new Problem(
            "a.yaml", 3, 7, "origins[0].id", "FRN", "is not a country", List.of("FRA", "FIN"));
    assertThat(p)
        .hasToString("a.yaml:3:7: origins[0].id: 'FRN' is not a country (allowed: FRA, FIN)");
  }

  @Test
  void leavesOutTheFieldValueAllowedListAndPositionWhenAbsent() {
    assertThat(new Problem("a.yaml", 1, 1, "", null, "the file is empty", List.of()))
        .hasToString("a.yaml:1:1: the file is empty");
    assertThat(new Problem("a.yaml", 0, 0, "months", null, "is required", null))
        .hasToString("a.yaml: months: is required");
  }

  @Test
  void keepsValuesAndMessagesToOneShortLine() {
    Problem p =
        new Problem("a.yaml", 2, 1, "name", "two\nlines\tand a tab", "is\nwrong", List.of("x\ny"));
    assertThat(p)
        .hasToString("a.yaml:2:1: name: 'two\\nlines\\tand a tab' is\\nwrong (allowed: x\\ny)");
    assertThat(p.toString()).doesNotContain("\n");

    Problem longValue = new Problem("a.yaml", 1, 1, "name", "x".repeat(200), "is long", null);
    assertThat(longValue.value()).hasSize(80).endsWith("...");
  }

  @Test
  void rejectsAProblemWithoutAMessageOrWithANegativePosition() {
    assertThatThrownBy(() -> new Problem("a.yaml", 1, 1, "", null, " ", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Problem("a.yaml", -1, 1, "", null, "bad", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anExceptionCarriesEveryProblemOneLineEach() {
    Problem first = new Problem("a.yaml", 1, 1, "name", null, "is required", null);
    Problem second = new Problem("a.yaml", 2, 1, "start", "x", "must be a month", null);
    ScenarioException e = new ScenarioException(List.of(first, second));
    assertThat(e.problems()).containsExactly(first, second);
    assertThat(e)
        .hasMessage("a.yaml:1:1: name: is required\na.yaml:2:1: start: 'x' must be a month");
    assertThatThrownBy(() -> new ScenarioException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
