package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The summary stages replications in batches of {@link EnsembleSummary#BATCH} before adding them to
 * its histograms: no value may be lost or counted twice, whatever the replication count and
 * wherever a read flushes the stage (between replications or in the middle of one).
 */
class EnsembleSummaryBatchTest {

  private static final Scenario SCENARIO =
      TestScenarios.random(RandomStreams.stream(2031, 0, RandomStreams.Purpose.PARAMETERS));

  /** Replication counts around and across the batch size, odd ones included. */
  private static final int[] COUNTS = {
    1, 2, EnsembleSummary.BATCH - 1, EnsembleSummary.BATCH, EnsembleSummary.BATCH + 1, 37
  };

  /**
   * The world's and the regions' all-people rows, which the summary sums from the demographic
   * groups' rows at the flush, against totals taken here from every stock.
   */
  @Test
  void everyWorldAndRegionTotalIsTheSumOfTheStocksInEachReplication() {
    CompiledModel model = new CompiledModel(SCENARIO);
    int months = SCENARIO.months();
    int compartments = model.compartments().size();
    int regions = SCENARIO.regions().size();
    assertThat(model.cohorts()).anyMatch(c -> c.demographic() != null);
    for (int runs : COUNTS) {
      EnsembleSummary summary = new EnsembleSummary(model);
      // totals[scope][month][key][replication] for the world (scope 0) and each region, computed
      // here from the stocks the engine hands out.
      long[][][][] totals = new long[1 + regions][months + 1][summary.keyCount() + 1][runs];
      CohortEngine engine = new CohortEngine(model);
      for (int r = 0; r < runs; r++) {
        int rep = r;
        engine.simulate(
            41,
            r,
            (month, stocks) -> {
              summary.observe(month, stocks);
              for (Cohort c : model.cohorts()) {
                for (int j = 0; j < c.size(); j++) {
                  int n = stocks[c.index()][j];
                  Compartment comp = model.compartments().get(c.compartment(j));
                  for (long[][] scope :
                      new long[][][] {totals[0][month], totals[1 + c.regionIndex()][month]}) {
                    scope[c.compartment(j)][rep] += n;
                    if (!comp.destination().isEmpty()) {
                      scope[compartments + comp.state().ordinal()][rep] += n;
                    }
                    if (CompositeState.countsHome(comp, c.origin())) {
                      scope[summary.keyCount()][rep] += n;
                    }
                  }
                }
              }
            });
      }
      assertThat(summary.replications()).isEqualTo(runs);
      for (int scope = 0; scope <= regions; scope++) {
        for (int month = 0; month <= months; month++) {
          for (int key = 0; key <= summary.keyCount(); key++) {
            if (key >= compartments && key < summary.keyCount()) {
              State s = State.values()[key - compartments];
              if (!s.hasDestinations()) {
                continue;
              }
            }
            int k =
                key == summary.keyCount()
                    ? summary.compositeKey(CompositeState.RETURNED_TOTAL)
                    : key;
            long[] values = totals[scope][month][key];
            assertThat(summary.statistic(month, scope, 0, k))
                .as("runs %d, scope %d, month %d, key %d", runs, scope, month, k)
                .isEqualTo(expected(values));
            assertThat(summary.isPresent(month, scope, 0, k))
                .isEqualTo(Arrays.stream(values).anyMatch(v -> v != 0));
          }
        }
      }
    }
  }

  @Test
  void readsBetweenAndWithinReplicationsChangeNothing() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    int middle = SCENARIO.months() / 2;
    for (int runs : COUNTS) {
      EnsembleSummary plain = new EnsembleSummary(model);
      EnsembleSummary read = new EnsembleSummary(model);
      List<Long> counts = new ArrayList<>();
      List<Long> expectedCounts = new ArrayList<>();
      CohortEngine engine = new CohortEngine(model);
      for (int r = 0; r < runs; r++) {
        boolean readNow = r % 3 == 1 || r == EnsembleSummary.BATCH;
        long started = r + 1;
        engine.simulate(
            43,
            r,
            (month, stocks) -> {
              plain.observe(month, stocks);
              read.observe(month, stocks);
              if (readNow && month == middle) {
                counts.add(read.replications());
                expectedCounts.add(started);
                read.statistic(month, 0, 0, 0);
              }
            });
        if (r % 5 == 2) {
          read.toBytes();
        }
      }
      assertThat(read.replications()).isEqualTo(runs);
      assertThat(read.toBytes()).isEqualTo(plain.toBytes());
      assertThat(EnsembleRunnerTest.digest(read)).isEqualTo(EnsembleRunnerTest.digest(plain));
      assertThat(plain.toBytes())
          .isEqualTo(
              EnsembleRunner.runRange(model, 0, runs, 43, new CohortEngine(model)).toBytes());
      assertThat(counts).isEqualTo(expectedCounts);
    }
  }

  @Test
  void combiningFlushesBothSummaries() {
    CompiledModel model = new CompiledModel(SCENARIO);
    int runs = 2 * EnsembleSummary.BATCH + 3;
    EnsembleSummary whole = EnsembleRunner.runRange(model, 0, runs, 47, new CohortEngine(model));
    EnsembleSummary first = EnsembleRunner.runRange(model, 0, 5, 47, new CohortEngine(model));
    EnsembleSummary second = EnsembleRunner.runRange(model, 5, runs, 47, new CohortEngine(model));
    first.combine(second);
    assertThat(first.replications()).isEqualTo(runs);
    assertThat(first.toBytes()).isEqualTo(whole.toBytes());
    EnsembleSummary a = EnsembleRunner.runRange(model, 0, 9, 47, new CohortEngine(model));
    EnsembleSummary b = EnsembleRunner.runRange(model, 9, 20, 47, new CohortEngine(model));
    EnsembleSummary c = EnsembleRunner.runRange(model, 20, runs, 47, new CohortEngine(model));
    a.absorbAll(List.of(b, c), 2);
    assertThat(a.toBytes()).isEqualTo(whole.toBytes());
  }

  /** The statistic of per-replication totals, by the definition of {@link IntHistogram}. */
  private static Statistic expected(long[] totals) {
    long[] sorted = totals.clone();
    Arrays.sort(sorted);
    long sum = Arrays.stream(sorted).sum();
    if (sum == 0) {
      return Statistic.ZERO;
    }
    int[] q = new int[5];
    double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int i = 0; i < qs.length; i++) {
      long rank = Math.max(1, (long) Math.ceil(qs[i] * sorted.length - 1e-9));
      q[i] = (int) sorted[(int) rank - 1];
    }
    return new Statistic((double) sum / sorted.length, q[0], q[1], q[2], q[3], q[4]);
  }
}
