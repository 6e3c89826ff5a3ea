package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The cohort engine fills only the rows it reads (occupied compartments; none for an empty cohort)
 * and keeps rows across months whose drivers do not change: its draws are exactly those of an
 * engine that fills every row of every cohort every month.
 */
class CohortEngineRowsTest {

  @Test
  void drawsAsIfEveryRowWereFilledEveryMonth() {
    for (long seed = 1; seed <= 40; seed++) {
      UniformRandomProvider rng = RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS);
      CompiledModel model = new CompiledModel(TestScenarios.random(rng));
      for (long rep = 0; rep < 3; rep++) {
        assertSameDraws(model, seed, rep);
      }
    }
  }

  @Test
  void keepsRowsWhileTheDriversStayAndDrawsAsIfRefilled() {
    // No stronghold falls within the horizon and the one lost before the start does not decay, so
    // every month's rows are the last month's: the engine fills every row once and keeps them.
    Scenario s =
        TestScenarios.small(
            List.of(
                TestScenarios.country("FRA", "western_europe", 2000),
                TestScenarios.country("TUN", "maghreb", 3000)),
            Map.of("collapse_half_life", 1e300, "fall_month.b", 500.0, "fall_month.c", 500.0),
            12);
    CompiledModel model = new CompiledModel(s);
    for (long rep = 0; rep < 5; rep++) {
      SimulationModel.Replication inputs = model.replication(3, rep);
      for (int t = 1; t < model.months(); t++) {
        assertThat(inputs.sameRows(t)).as("month %d", t).isTrue();
      }
      assertSameDraws(model, 3, rep);
    }
  }

  private static void assertSameDraws(CompiledModel model, long seed, long rep) {
    assertThat(trace(model, model.replication(seed, rep), seed, rep))
        .as("seed %d replication %d", seed, rep)
        .isEqualTo(trace(model, everyRowEveryMonth(model.replication(seed, rep)), seed, rep));
  }

  @Test
  void aModelWhoseRowsNeverChangeDrawsAsIfRefilledEveryMonth() {
    MarkovModel reference = ReferenceModels.reference();
    for (long rep = 0; rep < 5; rep++) {
      assertThat(trace(reference, reference.replication(7, rep), 7, rep))
          .isEqualTo(trace(reference, everyRowEveryMonth(reference.replication(7, rep)), 7, rep));
    }
  }

  /** The same inputs, but every row of every cohort filled every month and never kept. */
  private static SimulationModel.Replication everyRowEveryMonth(SimulationModel.Replication rep) {
    return new SimulationModel.Replication() {
      @Override
      public void initialStocks(int[][] stocks) {
        rep.initialStocks(stocks);
      }

      @Override
      public void fill(int cohort, int month, TransitionRows rows, int[] stocks) {
        rep.fill(cohort, month, rows, null);
      }

      @Override
      public boolean sameRows(int month) {
        return false;
      }

      @Override
      public double birthProbability(int cohort, int month, int local) {
        return rep.birthProbability(cohort, month, local);
      }

      @Override
      public double arrivalMean(int cohort, int month, int local) {
        return rep.arrivalMean(cohort, month, local);
      }
    };
  }

  private static String trace(
      SimulationModel model, SimulationModel.Replication inputs, long seed, long rep) {
    StringBuilder sb = new StringBuilder();
    new CohortEngine(model)
        .simulate(
            inputs,
            seed,
            rep,
            new MonthObserver() {
              @Override
              public void observe(int month, int[][] stocks) {
                sb.append(month).append(Arrays.deepToString(stocks));
              }

              @Override
              public void births(int month, int[][] born) {
                sb.append('b').append(Arrays.deepToString(born));
              }

              @Override
              public void arrivals(int month, int[][] arrived) {
                sb.append('a').append(Arrays.deepToString(arrived));
              }
            });
    return sb.toString();
  }
}
