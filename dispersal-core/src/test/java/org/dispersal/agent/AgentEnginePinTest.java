package org.dispersal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MarkovModel;
import org.dispersal.engine.ReferenceModels;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Pins the agent engine's output: a hash of every month's stocks over several replications, for the
 * reference model (three blocks) and for pathway scenarios with the agent-only features on. Session
 * 8 moved the pins on purpose once: waiting times are now drawn from a ziggurat exponential instead
 * of the logarithm of a uniform (exactly geometric either way; the engine contract's agreement
 * tests with the exact multinomial and the person-by-person reference, and the feature tests of
 * {@link AgentEngineTest}, vouch for the new draws). The search for the people due was made faster
 * before that without moving them. A later speed-up must keep these values; a deliberate change of
 * the draws changes them and says so.
 */
class AgentEnginePinTest {

  @Test
  void referenceModelStocksArePinned() {
    MarkovModel m = ReferenceModels.reference().withPopulation(2 * AgentEngine.BLOCK + 7_001);
    assertThat(hash(new AgentEngine(m, AgentFeatures.NONE, null, 1), 6)).isEqualTo(REFERENCE_PIN);
  }

  @Test
  void featureScenarioStocksArePinned() {
    assertThat(featureHash(true, true, true)).isEqualTo(8075241874024217273L);
    assertThat(featureHash(false, true, false)).isEqualTo(5915186062372190917L);
    assertThat(featureHash(false, false, true)).isEqualTo(7369745332848213343L);
  }

  /** 20,000 people (two blocks) of the feature scenario of {@link AgentEngineTest}. */
  private static long featureHash(boolean lag, boolean networks, boolean hetero) {
    Scenario s = AgentEngineTest.featureScenario(20_000, lag, networks, hetero);
    return hash(new AgentEngine(new CompiledModel(s), AgentFeatures.of(s), null, 1), 4);
  }

  @Test
  void pinsHoldOnSeveralThreads() {
    MarkovModel m = ReferenceModels.reference().withPopulation(2 * AgentEngine.BLOCK + 7_001);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      assertThat(hash(new AgentEngine(m, AgentFeatures.NONE, pool, 3), 6)).isEqualTo(REFERENCE_PIN);
    } finally {
      pool.shutdownNow();
    }
  }

  private static final long REFERENCE_PIN = -3848297791501565739L;

  /** A hash of every stock the engine reports in replications 0 to reps - 1 of seed 2026. */
  private static long hash(AgentEngine e, int reps) {
    long[] h = {17};
    for (int r = 0; r < reps; r++) {
      e.simulate(
          2026,
          r,
          (month, stocks) -> {
            h[0] = h[0] * 1_000_003L + month;
            for (int[] s : stocks) {
              h[0] = h[0] * 1_000_003L + Arrays.hashCode(s);
            }
          });
    }
    return h[0];
  }
}
