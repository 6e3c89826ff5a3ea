package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/** Ensembles run by the agent engine: the same summaries for any thread count. */
class EnsembleRunnerAgentTest {

  private static final Scenario SCENARIO =
      TestScenarios.random(RandomStreams.stream(2017, 0, RandomStreams.Purpose.PARAMETERS));

  @Test
  void agentEnsemblesDoNotDependOnThreads() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    String one =
        EnsembleRunnerTest.digest(
            EnsembleRunner.run(
                model,
                32,
                9,
                1,
                i -> {},
                () -> EngineKind.AGENT.create(model, AgentFeatures.NONE)));
    String two =
        EnsembleRunnerTest.digest(
            EnsembleRunner.run(
                model,
                32,
                9,
                2,
                i -> {},
                () -> EngineKind.AGENT.create(model, AgentFeatures.NONE)));
    assertThat(two).isEqualTo(one);
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
