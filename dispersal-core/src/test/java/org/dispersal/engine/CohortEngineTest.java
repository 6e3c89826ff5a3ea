package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The cohort engine: invariants over many random scenarios, determinism, and one month's
 * transitions against the exact multinomial distribution.
 */
class CohortEngineTest {

  @RepeatedTest(200)
  void conservesPeopleAndNeverGoesNegative(RepetitionInfo info) {
    long seed = 1000L + info.getCurrentRepetition();
    UniformRandomProvider rng = RandomStreams.stream(seed, 0, RandomStreams.Purpose.PARAMETERS);
    Scenario s = TestScenarios.random(rng);
    CompiledModel model = new CompiledModel(s);
    int[] initial = EngineContract.checkConservation(new CohortEngine(model), model, seed);
    // Each origin's three cohorts together hold exactly the travellers drawn within range.
    for (int o = 0; o < s.origins().size(); o++) {
      int sum = initial[3 * o] + initial[3 * o + 1] + initial[3 * o + 2];
      Range r = s.origins().get(o).travelled();
      assertThat(sum).as("seed %d origin %d", seed, o).isBetween(r.low(), r.high());
    }
  }

  @Test
  void sameSeedSameTrajectory() {
    Scenario s = TestScenarios.random(RandomStreams.stream(5, 0, RandomStreams.Purpose.PARAMETERS));
    CompiledModel model = new CompiledModel(s);
    assertThat(trace(model, 99, 4)).isEqualTo(trace(model, 99, 4));
    assertThat(trace(model, 99, 4)).isNotEqualTo(trace(model, 99, 5));
  }

  private static String trace(CompiledModel model, long seed, long rep) {
    StringBuilder sb = new StringBuilder();
    new CohortEngine(model)
        .simulate(seed, rep, (m, stocks) -> sb.append(m).append(Arrays.deepToString(stocks)));
    return sb.toString();
  }

  /**
   * Men in theatre for one month with known territory, border and rates: the number who stay must
   * be Bin(n, exp(-H)) and the number killed Bin(n, (1 - exp(-H)) h_k / H), where H sums the
   * competing hazards. Chi-square at alpha = 0.001 per assertion over 20,000 replications.
   */
  @Test
  void oneMonthInTheatreMatchesExactProbabilities() {
    int n = 40;
    Origin fra =
        new Origin(
            "FRA",
            "France",
            "western_europe",
            true,
            Range.of(n),
            Range.of(0),
            Range.of(0),
            Range.of(0),
            Range.of(0),
            List.of("X"),
            "");
    Map<String, Double> v =
        Map.of(
            "kill_rate_base", 0.02,
            "kill_rate_collapse", 0.10,
            "detention_rate_collapse", 0.04,
            "exit_rate_base", 0.01,
            "exit_rate_collapse", 0.2,
            "border_closure", 0.5,
            "insurgency_rate_collapse", 0.08,
            "defection_rate_collapse", 0.06,
            "merger_probability", 0.0);
    Scenario s = TestScenarios.small(List.of(fra), v, 1);
    CompiledModel model = new CompiledModel(s);
    // Strongholds: a (weight 1) lost before the start, b (1) and c (2) fall at month 6: lost = 1/4.
    double lost = 0.25;
    double hk = 0.02 + 0.10 * lost;
    double hd = 0.04 * lost;
    double hx = (0.01 + 0.2 * lost) * 0.5;
    double hi = 0.08 * lost;
    double ho = 0.06 * lost;
    double total = hk + hd + hx + hi + ho;
    double stay = Math.exp(-total);
    double killed = (1 - stay) * hk / total;

    int reps = 20_000;
    long[] stayCounts = new long[n + 1];
    long[] killedCounts = new long[n + 1];
    CohortEngine engine = new CohortEngine(model);
    for (int r = 0; r < reps; r++) {
      engine.simulate(
          77,
          r,
          (month, stocks) -> {
            if (month == 1) {
              stayCounts[stocks[0][CompiledModel.IN_THEATRE]]++;
              killedCounts[stocks[0][CompiledModel.KILLED]]++;
            }
          });
    }
    assertThat(Stats.chiSquarePValue(pmf(n, stay), stayCounts)).isGreaterThan(0.001);
    assertThat(Stats.chiSquarePValue(pmf(n, killed), killedCounts)).isGreaterThan(0.001);
  }

  private static double[] pmf(int n, double p) {
    BinomialDistribution d = BinomialDistribution.of(n, p);
    double[] out = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      out[k] = d.probability(k);
    }
    return out;
  }
}
