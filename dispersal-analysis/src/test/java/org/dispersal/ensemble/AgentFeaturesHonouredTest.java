package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.dispersal.agent.AgentEngine;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.agent.UnsupportedFeaturesException;
import org.dispersal.analyst.PerReplication;
import org.dispersal.analyst.ReplicationProbe;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * A scenario's {@code agents:} features reach every caller that gets its engine from {@link
 * EngineKind}: the default ensemble and the per-replication tools run the agent engine, and the
 * cohort engine refuses them with a typed error, never dropping them.
 */
class AgentFeaturesHonouredTest {

  private static final String SHAPE =
      AgentFeatures.HETEROGENEITY + "in_theatre" + AgentFeatures.SHAPE;

  private static CompiledModel withHeterogeneity() {
    Scenario s =
        TestScenarios.small(
            List.of(TestScenarios.country("FRA", "western_europe", 400)),
            Map.of("exit_rate_base", 0.2),
            6);
    return new CompiledModel(s.withParameters(Map.of(SHAPE, TestScenarios.fixed(SHAPE, 0.3))));
  }

  @Test
  void theDefaultEnsembleRunsTheAgentEngine() throws Exception {
    CompiledModel model = withHeterogeneity();
    assertThat(EngineKind.AUTO.create(model)).isInstanceOf(AgentEngine.class);
    String auto = EnsembleRunnerTest.digest(EnsembleRunner.run(model, 12, 5, 2, i -> {}));
    String agent =
        EnsembleRunnerTest.digest(
            EnsembleRunner.run(model, 12, 5, 2, i -> {}, () -> EngineKind.AGENT.create(model)));
    String dropped =
        EnsembleRunnerTest.digest(
            EnsembleRunner.run(
                model,
                12,
                5,
                2,
                i -> {},
                () -> EngineKind.COHORT.create(model, AgentFeatures.NONE)));
    assertThat(auto).isEqualTo(agent).isNotEqualTo(dropped);
  }

  @Test
  void perReplicationToolsRunTheAgentEngine() {
    CompiledModel model = withHeterogeneity();
    List<Integer> viaTools = PerReplication.run(model, 4, 3, 1, (m, r) -> new Finals());
    for (int i = 0; i < 4; i++) {
      Finals f = new Finals();
      EngineKind.AGENT.create(model).simulate(3, i, f);
      assertThat(viaTools.get(i)).isEqualTo(f.result());
    }
  }

  @Test
  void theCohortEngineRefusesThemWithATypedError() {
    CompiledModel model = withHeterogeneity();
    assertThatThrownBy(() -> EngineKind.COHORT.create(model))
        .isInstanceOf(UnsupportedFeaturesException.class)
        .hasMessageContaining("heterogeneity.in_theatre");
  }

  /** A hash of the final stocks, enough to tell two trajectories apart. */
  private static final class Finals implements ReplicationProbe<Integer> {
    private int hash;

    @Override
    public void observe(int month, int[][] stocks) {
      hash = 31 * hash + java.util.Arrays.deepHashCode(stocks);
    }

    @Override
    public Integer result() {
      return hash;
    }
  }
}
