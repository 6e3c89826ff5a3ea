package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dispersal.input.scenario.Fixtures.FILE;
import static org.dispersal.input.scenario.Fixtures.reader;

import org.dispersal.agent.AgentFeatures;
import org.dispersal.engine.MarkovModel;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.junit.jupiter.api.Test;

/** Markov scenarios ({@code kind: markov}) and the {@code agents:} section of pathway scenarios. */
class MarkovAndAgentScenarioTest {

  @Test
  void readsTheBuiltInReferenceModel() {
    MarkovModel m = MarkovScenarioReader.read("reference-7node");
    assertThat(m.states()).hasSize(7);
    assertThat(m.population()).isEqualTo(40_000);
    assertThat(m.months()).isEqualTo(120);
    assertThat(m.matrix()[1][6]).isEqualTo(0.08);
    assertThat(MarkovScenarioReader.isMarkov("reference-7node")).isTrue();
    assertThat(MarkovScenarioReader.isMarkov("isis-2017")).isFalse();
  }

  @Test
  void aPathwayReaderRefusesAMarkovModelWithOneProblem() {
    assertThatThrownBy(() -> reader().readBuiltIn("reference-7node"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("dispersal bench");
  }

  @Test
  void reportsBadMatricesWithTheirPlace() {
    String text =
        """
        kind: markov
        name: bad
        months: 3
        states: [a, b]
        initial: {a: 10, c: 1}
        matrix:
          - [0.5, 0.6]
          - [0, 1]
        """;
    assertThatThrownBy(() -> MarkovScenarioReader.parse(text, FILE))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("initial.c");
    String sums = text.replace("initial: {a: 10, c: 1}", "initial: {a: 10}");
    assertThatThrownBy(() -> MarkovScenarioReader.parse(sums, FILE))
        .hasMessageContaining("sums to");
  }

  @Test
  void theAgentsSectionSwitchesOnFeatures() {
    String child =
        """
        extends: isis-2017
        agents:
          time_in_state.dispatched.median_months:
            prior: triangular(4, 5, 7)
            unit: months
            source: [MALET_HAYES2018]
            description: Arrival-to-plot lag.
          time_in_state.dispatched.dispersion:
            prior: 0.9
            assumption: Mean/median of about 1.5 in T8.
        """;
    Scenario s = reader().parse(child, FILE);
    AgentFeatures f = AgentFeatures.of(s);
    assertThat(f.timeInState())
        .extracting(AgentFeatures.TimeInState::state)
        .containsExactly(State.DISPATCHED);
    assertThat(s.parameters().get("agents.time_in_state.dispatched.median_months").sources())
        .containsExactly("MALET_HAYES2018");
    assertThat(AgentFeatures.of(reader().readBuiltIn("isis-2017")).any()).isFalse();
  }

  @Test
  void theAgentsSectionIsChecked() {
    String noSource =
        """
        extends: isis-2017
        agents:
          networks.cluster_size_mean: {prior: 3}
        """;
    assertThatThrownBy(() -> reader().parse(noSource, FILE))
        .hasMessageContaining("source or an assumption");
    String half =
        """
        extends: isis-2017
        agents:
          networks.cluster_size_mean: {prior: 3, assumption: test}
        """;
    assertThatThrownBy(() -> reader().parse(half, FILE)).hasMessageContaining("follow_multiplier");
    String unknownSource =
        """
        extends: isis-2017
        agents:
          heterogeneity.transit.shape: {prior: 2, source: [NO_SUCH_SOURCE]}
        """;
    assertThatThrownBy(() -> reader().parse(unknownSource, FILE))
        .hasMessageContaining(ScenarioValidator.UNKNOWN_SOURCE);
  }
}
