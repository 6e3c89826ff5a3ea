package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.junit.jupiter.api.Test;

/** Ensembles run by the agent engine: the same summaries for any thread count. */
class EnsembleRunnerAgentTest {

  private static final Scenario SCENARIO = EnsembleRunnerTest.SCENARIO;

  @Test
  void agentEnsemblesDoNotDependOnThreads() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    assertThat(agentDigest(model, 2)).isEqualTo(agentDigest(model, 1));
  }

  private static String agentDigest(CompiledModel model, int threads) throws Exception {
    return EnsembleRunnerTest.digest(
        EnsembleRunner.run(
            model,
            32,
            9,
            threads,
            i -> {},
            () -> EngineKind.AGENT.create(model, AgentFeatures.NONE)));
  }

  /**
   * Both engines draw the same initial stocks for a replication (shared streams), so month 0 of
   * their summaries is identical.
   */
  @Test
  void bothEnginesStartFromTheSameStocks() {
    CompiledModel model = new CompiledModel(SCENARIO);
    EnsembleSummary agent =
        EnsembleRunner.run(
            model, 16, 4, 1, i -> {}, () -> EngineKind.AGENT.create(model, AgentFeatures.NONE));
    EnsembleSummary cohort = EnsembleRunner.run(model, 16, 4, 1, i -> {});
    for (State s : State.values()) {
      assertThat(agent.statistic(0, 0, 0, s)).isEqualTo(cohort.statistic(0, 0, 0, s));
    }
  }
}
