package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * A summary that reads only the non-zero stocks the cohort engine lists ({@link
 * MonthObserver#observeOccupied}) is the same, byte for byte, as one that reads every stock.
 */
class EnsembleSummaryOccupiedTest {

  @Test
  void readingTheListedStocksGivesTheSameBytesAsReadingThemAll() {
    for (long seed = 1; seed <= 10; seed++) {
      CompiledModel model =
          new CompiledModel(
              TestScenarios.random(
                  RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS)));
      assertSameBytes(model, seed);
    }
  }

  @Test
  void readingTheListedStocksGivesTheSameBytesWithArrivals() {
    CompiledModel model =
        new CompiledModel(
            TestScenarios.small(
                List.of(
                    TestScenarios.country("FRA", "western_europe", 2000),
                    TestScenarios.country("TUN", "maghreb", 3000)),
                Map.of("share_women", 0.2, "share_minors", 0.1, "arrivals_per_month.2017", 50.0),
                6));
    assertThat(model.hasArrivals()).isTrue();
    assertSameBytes(model, 3);
  }

  private static void assertSameBytes(CompiledModel model, long seed) {
    EnsembleSummary listed = new EnsembleSummary(model);
    EnsembleSummary all = new EnsembleSummary(model);
    CohortEngine engine = new CohortEngine(model);
    for (long rep = 0; rep < 20; rep++) {
      engine.simulate(model.replication(seed, rep), seed, rep, listed);
      engine.simulate(model.replication(seed, rep), seed, rep, everyStock(all));
    }
    assertThat(listed.replications()).isEqualTo(20);
    assertThat(listed.toBytes()).isEqualTo(all.toBytes());
  }

  /** Forwards the plain calls only: the summary then reads every stock. */
  private static MonthObserver everyStock(EnsembleSummary summary) {
    return new MonthObserver() {
      @Override
      public void observe(int month, int[][] stocks) {
        summary.observe(month, stocks);
      }

      @Override
      public void births(int month, int[][] born) {
        summary.births(month, born);
      }

      @Override
      public void arrivals(int month, int[][] arrived) {
        summary.arrivals(month, arrived);
      }
    };
  }
}
