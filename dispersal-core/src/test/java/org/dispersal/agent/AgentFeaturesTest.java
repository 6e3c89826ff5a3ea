package org.dispersal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/** Reading agent-only features from a scenario's {@code agents.*} parameters. */
class AgentFeaturesTest {

  private static final Scenario BASE =
      TestScenarios.small(
          List.of(TestScenarios.country("FRA", "western_europe", 10)), Map.of(), 12);

  private static Scenario with(String... names) {
    Map<String, Parameter> p = new java.util.LinkedHashMap<>();
    for (String n : names) {
      p.put(n, TestScenarios.fixed(n, 1));
    }
    return BASE.withParameters(p);
  }

  @Test
  void noAgentParametersMeansNoFeatures() {
    assertThat(AgentFeatures.of(BASE).any()).isFalse();
  }

  @Test
  void readsEachFeature() {
    AgentFeatures f =
        AgentFeatures.of(
            with(
                "agents.time_in_state.dispatched.median_months",
                "agents.time_in_state.dispatched.dispersion",
                AgentFeatures.CLUSTER_SIZE,
                AgentFeatures.FOLLOW,
                "agents.heterogeneity.disengaged.shape"));
    assertThat(f.timeInState())
        .extracting(AgentFeatures.TimeInState::state)
        .containsExactly(State.DISPATCHED);
    assertThat(f.networks()).isNotNull();
    assertThat(f.names())
        .containsExactly("time_in_state.dispatched", "networks", "heterogeneity.disengaged");
  }

  @Test
  void rejectsIncompleteOrUnknownSettings() {
    assertThatThrownBy(
            () -> AgentFeatures.of(with("agents.time_in_state.dispatched.median_months")))
        .hasMessageContaining("dispersion");
    assertThatThrownBy(() -> AgentFeatures.of(with(AgentFeatures.CLUSTER_SIZE)))
        .hasMessageContaining("follow_multiplier");
    assertThatThrownBy(() -> AgentFeatures.of(with("agents.speed")))
        .hasMessageContaining("not an agent parameter");
    assertThatThrownBy(() -> AgentFeatures.of(with("agents.heterogeneity.killed.shape")))
        .hasMessageContaining("nobody leaves");
    assertThatThrownBy(() -> AgentFeatures.of(with("agents.heterogeneity.nowhere.shape")))
        .hasMessageContaining("not a state");
    assertThatThrownBy(
            () ->
                AgentFeatures.of(
                    with(
                        "agents.time_in_state.transit.median_months",
                        "agents.time_in_state.transit.dispersion",
                        "agents.heterogeneity.transit.shape")))
        .hasMessageContaining("both");
  }
}
