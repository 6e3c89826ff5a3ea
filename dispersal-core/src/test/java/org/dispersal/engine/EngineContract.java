package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every engine meets, run against each engine by a subclass: conservation of people
 * per cohort, no negative stocks, determinism, and agreement in distribution with the exact cohort
 * engine on models without agent-only features.
 *
 * <p>Agreement: for each compartment, the final counts of {@value #REPLICATIONS} replications of
 * the engine and of the cohort engine (independent seeds) are compared by a chi-square test of
 * homogeneity (2 × k table, bins merged until each expects at least 5). Each test fails a correct
 * engine with probability 0.001; with about 20 compartments tested per model, the false-alarm rate
 * of the suite is about 2% per model and seed, and the seeds are fixed.
 */
public abstract class EngineContract {

  /** Replications per engine in the agreement tests. */
  static final int REPLICATIONS = 400;

  /** The engine under test for a model. */
  protected abstract ReplicationEngine engine(SimulationModel model);

  /** Random small pathway scenarios from seeded generators. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  public void conservesPeopleAndNeverGoesNegative(long seed) {
    UniformRandomProvider rng = RandomStreams.stream(seed, 7, RandomStreams.Purpose.PARAMETERS);
    Scenario s = TestScenarios.random(rng);
    checkConservation(new CompiledModel(s), seed);
  }

  @Test
  public void conservesPeopleInTheReferenceModel() {
    checkConservation(ReferenceModels.reference().withPopulation(3000), 5);
  }

  private void checkConservation(SimulationModel model, long seed) {
    int[] initial = new int[model.cohortCount()];
    int[] seen = new int[1];
    engine(model)
        .simulate(
            seed,
            3,
            (month, stocks) -> {
              seen[0]++;
              for (int c = 0; c < stocks.length; c++) {
                int total = 0;
                for (int n : stocks[c]) {
                  assertThat(n).as("seed %d month %d cohort %d", seed, month, c).isNotNegative();
                  total += n;
                }
                if (month == 0) {
                  initial[c] = total;
                } else {
                  assertThat(total)
                      .as("seed %d month %d cohort %d", seed, month, c)
                      .isEqualTo(initial[c]);
                }
              }
            });
    assertThat(seen[0]).isEqualTo(model.months() + 1);
  }

  @Test
  public void sameSeedSameTrajectory() {
    Scenario s = TestScenarios.random(RandomStreams.stream(5, 0, RandomStreams.Purpose.PARAMETERS));
    CompiledModel model = new CompiledModel(s);
    assertThat(trace(model, 99, 4)).isEqualTo(trace(model, 99, 4));
    assertThat(trace(model, 99, 4)).isNotEqualTo(trace(model, 99, 5));
  }

  private String trace(SimulationModel model, long seed, long rep) {
    StringBuilder sb = new StringBuilder();
    engine(model)
        .simulate(seed, rep, (m, stocks) -> sb.append(m).append(Arrays.deepToString(stocks)));
    return sb.toString();
  }

  /** Final counts per compartment agree with the cohort engine's on a pathway scenario. */
  @Test
  public void agreesWithTheCohortEngineOnAPathwayScenario() {
    Scenario s =
        TestScenarios.small(
            List.of(TestScenarios.country("FRA", "western_europe", 300)),
            java.util.Map.of("share_women", 0.2, "share_minors", 0.1),
            18);
    assertAgreement(new CompiledModel(s));
  }

  /** Final counts per state agree with the cohort engine's on the reference Markov model. */
  @Test
  public void agreesWithTheCohortEngineOnTheReferenceModel() {
    assertAgreement(ReferenceModels.reference().withPopulation(500).withMonths(24));
  }

  private void assertAgreement(SimulationModel model) {
    int cells = 0;
    for (int c = 0; c < model.cohortCount(); c++) {
      cells += model.compartmentCount(c);
    }
    int[][] mine = finals(engine(model), model, 11, cells);
    int[][] exact = finals(new CohortEngine(model), model, 12, cells);
    for (int k = 0; k < cells; k++) {
      double p = homogeneity(mine[k], exact[k]);
      assertThat(p).as("compartment %d", k).isGreaterThan(0.001);
    }
  }

  private static int[][] finals(ReplicationEngine e, SimulationModel model, long seed, int cells) {
    int[][] out = new int[cells][REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      int rep = r;
      e.simulate(
          seed,
          r,
          (month, stocks) -> {
            if (month == model.months()) {
              int k = 0;
              for (int[] s : stocks) {
                for (int n : s) {
                  out[k++][rep] = n;
                }
              }
            }
          });
    }
    return out;
  }

  /** The p-value of a chi-square test that two samples of counts come from one distribution. */
  static double homogeneity(int[] a, int[] b) {
    int max = 0;
    for (int x : a) {
      max = Math.max(max, x);
    }
    for (int x : b) {
      max = Math.max(max, x);
    }
    long[] ha = new long[max + 1];
    long[] hb = new long[max + 1];
    for (int x : a) {
      ha[x]++;
    }
    for (int x : b) {
      hb[x]++;
    }
    double share = (double) a.length / (a.length + b.length);
    List<long[]> bins = new ArrayList<>();
    long ca = 0;
    long cb = 0;
    for (int v = 0; v <= max; v++) {
      ca += ha[v];
      cb += hb[v];
      double n = ca + cb;
      if (n * Math.min(share, 1 - share) >= 5) {
        bins.add(new long[] {ca, cb});
        ca = 0;
        cb = 0;
      }
    }
    if (ca + cb > 0) {
      if (bins.isEmpty()) {
        return 1.0;
      }
      long[] last = bins.get(bins.size() - 1);
      last[0] += ca;
      last[1] += cb;
    }
    if (bins.size() < 2) {
      return 1.0;
    }
    long[][] table = new long[2][bins.size()];
    for (int i = 0; i < bins.size(); i++) {
      table[0][i] = bins.get(i)[0];
      table[1][i] = bins.get(i)[1];
    }
    return ChiSquareTest.withDefaults().test(table).getPValue();
  }
}
