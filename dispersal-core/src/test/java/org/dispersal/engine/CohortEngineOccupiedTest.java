package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The cohort engine hands its observer, every month, bit sets that list exactly the non-zero stocks
 * of every cohort (after the month's moves, births and arrivals), and never the plain {@link
 * MonthObserver#observe} call.
 */
class CohortEngineOccupiedTest {

  @Test
  void listsExactlyTheNonZeroStocksOfRandomModels() {
    int births = 0;
    for (long seed = 1; seed <= 40; seed++) {
      UniformRandomProvider rng = RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS);
      CompiledModel model = new CompiledModel(TestScenarios.random(rng));
      for (int c = 0; c < model.cohortCount(); c++) {
        births += model.birthCohort(c) >= 0 ? 1 : 0;
      }
      for (long rep = 0; rep < 3; rep++) {
        assertListsTheNonZeroStocks(model, seed, rep);
      }
    }
    assertThat(births).as("cohorts with births").isPositive();
  }

  @Test
  void listsExactlyTheNonZeroStocksWithArrivals() {
    CompiledModel model = EngineContract.arrivalsModel(6);
    assertThat(model.hasArrivals()).isTrue();
    for (long rep = 0; rep < 5; rep++) {
      assertListsTheNonZeroStocks(model, 11, rep);
    }
  }

  private static void assertListsTheNonZeroStocks(CompiledModel model, long seed, long rep) {
    int[] calls = new int[1];
    new CohortEngine(model)
        .simulate(
            model.replication(seed, rep),
            seed,
            rep,
            new MonthObserver() {
              @Override
              public void observe(int month, int[][] stocks) {
                fail("the cohort engine lists its non-zero stocks");
              }

              @Override
              public void observeOccupied(int month, int[][] stocks, long[][] occupied) {
                calls[0]++;
                for (int c = 0; c < stocks.length; c++) {
                  long[] bits = occupied[c];
                  assertThat(bits).hasSize((stocks[c].length + 63) / 64);
                  for (int w = 0; w < bits.length; w++) {
                    for (int b = 0; b < 64; b++) {
                      int j = 64 * w + b;
                      boolean listed = (bits[w] >>> b & 1) != 0;
                      assertThat(listed)
                          .as("seed %d rep %d month %d cohort %d local %d", seed, rep, month, c, j)
                          .isEqualTo(j < stocks[c].length && stocks[c][j] != 0);
                    }
                  }
                }
              }
            });
    assertThat(calls[0]).isEqualTo(model.months() + 1);
  }
}
