package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.dispersal.model.Repatriation;
import org.dispersal.model.RepatriationPolicy;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The {@code repatriation:} section: a default policy and per-origin steps whose month is a number
 * or a YYYY-MM month, and one problem per mistake naming the file, line and field.
 */
class RepatriationSectionTest {

  private static String with(String section) {
    return Fixtures.minimal() + "\n" + section;
  }

  @Test
  void readsTheDefaultAndTheStepsInMonthsOrDates() throws Exception {
    Scenario s =
        Fixtures.reader()
            .parse(
                with(
                    """
                    repatriation:
                      default: case_by_case
                      policies:
                        - {origin: FRA, from: 2018-02, policy: organised}
                        - {origin: FRA, from: 18, policy: none}
                        - {origin: rest:europe, from: 2016-01, policy: none}
                    """),
                Fixtures.FILE);
    Repatriation r = s.drivers().repatriation();
    assertThat(r.policy("FRA", 11)).isEqualTo(RepatriationPolicy.CASE_BY_CASE);
    assertThat(r.policy("FRA", 12)).isEqualTo(RepatriationPolicy.ORGANISED);
    assertThat(r.policy("FRA", 18)).isEqualTo(RepatriationPolicy.NONE);
    assertThat(r.policy("rest:europe", 0)).isEqualTo(RepatriationPolicy.NONE);
    assertThat(r.policy("TUN", 5)).isEqualTo(RepatriationPolicy.CASE_BY_CASE);
  }

  @Test
  void withoutTheSectionNoOneIsRepatriated() throws Exception {
    Scenario s = Fixtures.reader().parse(Fixtures.minimal(), Fixtures.FILE);
    assertThat(s.drivers().repatriation()).isEqualTo(Repatriation.NONE);
  }

  @Test
  void eachMistakeIsOneProblemAtItsLine() {
    int line = (int) Fixtures.minimal().lines().count() + 2;
    assertThat(
            Fixtures.problems(
                with(
                    """
                    repatriation:
                      default: sometimes
                    """)))
        .containsExactly(
            "test.yaml:"
                + (line + 1)
                + ":12: repatriation.default: 'sometimes' is not a repatriation policy"
                + " (allowed: none, case_by_case, organised)");
    assertThat(
            Fixtures.problems(
                with(
                    """
                    repatriation:
                      default: none
                      policies:
                        - {origin: FRA, from: 6, policy: organised}
                        - {origin: FRA, from: 3, policy: none}
                    """)))
        .singleElement()
        .asString()
        .contains("repatriation")
        .contains("increasing month order");
  }
}
