package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dispersal.testkit.Stats;
import org.junit.jupiter.api.Test;

/**
 * The engine contract's checks can fail: an engine that runs a slightly wrong matrix is caught, and
 * the statistical helpers refuse samples on which a test could never fail.
 */
class EngineContractPowerTest {

  /**
   * Leaving Syria/Iraq at 5.5% a month instead of 5% moves the expected month-24 count there from
   * about 146 to about 129 of 500 (sd about 10), which 400 replications detect far beyond α.
   */
  @Test
  void catchesAnEngineThatRunsAWrongMatrix() {
    EngineContract wrong =
        new EngineContract() {
          @Override
          protected ReplicationEngine engine(SimulationModel model) {
            MarkovModel m = (MarkovModel) model;
            double[][] p = m.matrix();
            p[0][0] -= 0.005;
            p[0][1] += 0.005;
            return new CohortEngine(
                new MarkovModel(m.name(), m.description(), m.states(), m.initial(), p, m.months()));
          }
        };
    assertThatThrownBy(wrong::matchesTheExactDistributionOfTheReferenceModel)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void homogeneityRefusesSamplesThatCannotFail() {
    assertThatThrownBy(() -> Stats.homogeneity(new int[] {3, 3, 3}, new int[] {3, 3, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void goodnessOfFitRefusesOneCellOrMismatchedArrays() {
    assertThatThrownBy(() -> Stats.chiSquarePValue(new double[] {1, 0}, new long[] {50, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stats.chiSquarePValue(new double[] {0.5, 0.5}, new long[] {5}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
