package org.dispersal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MarkovModel;
import org.dispersal.engine.ReferenceModels;
import org.dispersal.engine.SimulationModel;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The agent engine beyond the shared contract: thread-count independence, the reference model's
 * expected counts, and the effect of each agent-only feature against its exact distribution or a
 * closed form. Statistical assertions use fixed seeds; each states its false-alarm rate.
 */
class AgentEngineTest {

  @Test
  void sameStocksForOneAndManyThreads() {
    MarkovModel m = ReferenceModels.reference().withPopulation(5 * AgentEngine.BLOCK + 123);
    Scenario s = featureScenario(3000, true, true, true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (SimulationModel model : List.of(m, new CompiledModel(s))) {
        AgentFeatures f =
            model instanceof CompiledModel cm
                ? AgentFeatures.of(cm.scenario())
                : AgentFeatures.NONE;
        String one = trace(new AgentEngine(model, f, null, 1), 8);
        assertThat(trace(new AgentEngine(model, f, pool, 2), 8)).isEqualTo(one);
        assertThat(trace(new AgentEngine(model, f, pool, 4), 8)).isEqualTo(one);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String trace(AgentEngine e, long rep) {
    StringBuilder sb = new StringBuilder();
    e.simulate(42, rep, (m, stocks) -> sb.append(m).append(Arrays.deepToString(stocks)));
    return sb.toString();
  }

  /**
   * REFERENCE.md: home about 18,700, cells about 10,000, Sahel about 4,900 after 120 months. The
   * mean of 20 replications must lie within 5 standard errors of the exact expectation initial ·
   * P^120 (false alarm below 1e-6), and the expectation itself near the published figures.
   */
  @Test
  void referenceModelFinalCounts() {
    MarkovModel m = ReferenceModels.reference();
    double[] expected = m.expected(120);
    assertThat(expected[3]).isBetween(18_400.0, 19_000.0);
    assertThat(expected[6]).isBetween(9_700.0, 10_300.0);
    assertThat(expected[5]).isBetween(4_600.0, 5_200.0);
    for (var engine : List.of(new AgentEngine(m), new CohortEngine(m))) {
      int reps = 20;
      double[] sum = new double[7];
      double[] sq = new double[7];
      for (int r = 0; r < reps; r++) {
        engine.simulate(
            3,
            r,
            (month, stocks) -> {
              if (month == 120) {
                for (int j = 0; j < 7; j++) {
                  sum[j] += stocks[0][j];
                  sq[j] += (double) stocks[0][j] * stocks[0][j];
                }
              }
            });
      }
      for (int j = 0; j < 7; j++) {
        double mean = sum[j] / reps;
        double var = Math.max(1, sq[j] / reps - mean * mean);
        assertThat(Math.abs(mean - expected[j]))
            .as("%s state %d", engine.getClass().getSimpleName(), j)
            .isLessThan(5 * Math.sqrt(var / reps) + 1);
      }
    }
  }

  /** The floor follows the same chain: its final counts match initial · P^120 within 5 sd. */
  @Test
  void floorFollowsTheModel() {
    MarkovModel m = ReferenceModels.reference();
    ReferenceFloor floor = new ReferenceFloor(m);
    int[] places = floor.places(40_000);
    floor.run(places, 0, places.length, new SplittableRandom(1));
    int[] counts = floor.counts(places);
    double[] expected = m.expected(120);
    for (int j = 0; j < 7; j++) {
      double sd = Math.sqrt(expected[j] * (1 - expected[j] / 40_000));
      assertThat(Math.abs(counts[j] - expected[j])).as("state %d", j).isLessThan(5 * sd + 1);
    }
  }

  /**
   * Time in state: everyone is dispatched in month 2 (entering at step 1), so the month someone
   * first appears as arrested or attack, minus 2, is the lag L = max(1, round(5 exp(0.8 Z))). The
   * counts still dispatched give the lag's distribution; chi-square against the exact P(L = l) =
   * Φ(ln((l + 0.5)/5)/0.8) − Φ(ln((l − 0.5)/5)/0.8) at alpha = 0.001, and the empirical median is 5
   * months (PRIORS T8).
   */
  @Test
  void lagToPlotFollowsItsDistribution() {
    int n = 6000;
    Scenario s = featureScenario(n, true, false, false);
    CompiledModel model = new CompiledModel(s);
    AgentEngine e = new AgentEngine(model, AgentFeatures.of(s), null, 1);
    int[] dispatched = model.locals(0, org.dispersal.model.State.DISPATCHED);
    int months = s.months();
    int[] still = new int[months + 1];
    e.simulate(
        5,
        0,
        (month, stocks) -> {
          int k = 0;
          for (int d : dispatched) {
            k += stocks[0][d];
          }
          still[month] = k;
        });
    assertThat(still[2]).isEqualTo(n);
    NormalDistribution z = NormalDistribution.of(0, 1);
    int maxLag = months - 2;
    double[] probs = new double[maxLag + 1];
    long[] observed = new long[maxLag + 1];
    for (int l = 1; l < maxLag; l++) {
      double hi = z.cumulativeProbability(Math.log((l + 0.5) / 5) / 0.8);
      double lo = l == 1 ? 0 : z.cumulativeProbability(Math.log((l - 0.5) / 5) / 0.8);
      probs[l] = hi - lo;
      observed[l] = still[1 + l] - still[2 + l];
    }
    probs[maxLag] = 1 - z.cumulativeProbability(Math.log((maxLag - 0.5) / 5) / 0.8);
    observed[maxLag] = still[months];
    assertThat(Stats.chiSquarePValue(probs, observed)).isGreaterThan(0.001);
    int median = 1;
    while (still[2 + median] > n / 2) {
      median++;
    }
    assertThat(median).isEqualTo(5);
  }

  /**
   * Heterogeneity: with propensity z ~ Gamma(k, 1/k) on the hazard h of leaving theatre, the share
   * still in theatre after t months is E[exp(-z h t)] = (1 + h t / k)^(-k), not exp(-h t). With
   * 20,000 people the share is within 5 standard errors (false alarm below 1e-6).
   */
  @Test
  void heterogeneityGivesAGammaMixtureSurvival() {
    int n = 20_000;
    Scenario s = featureScenario(n, false, false, true);
    CompiledModel model = new CompiledModel(s);
    AgentEngine e = new AgentEngine(model, AgentFeatures.of(s), null, 1);
    int[] left = new int[1];
    int t = 12;
    e.simulate(
        7,
        0,
        (month, stocks) -> {
          if (month == t) {
            left[0] = stocks[0][CompiledModel.IN_THEATRE];
          }
        });
    double h = 0.2;
    double k = 0.5;
    double expected = Math.pow(1 + h * t / k, -k);
    double se = Math.sqrt(expected * (1 - expected) / n);
    assertThat(Math.abs((double) left[0] / n - expected)).isLessThan(5 * se);
    assertThat(Math.exp(-h * t)).isLessThan(expected - 10 * se);
  }

  /**
   * Networks: members of clusters follow a returnee, so returns come in bunches. Over 300
   * replications of 60 people, the variance of the number returned after 3 months is larger with a
   * follow multiplier of 20 than without networks (an F-like ratio above 1.5; without correlation
   * the ratio is about 1 with a standard error near 0.1), and the mean is higher.
   */
  @Test
  void networksCorrelateReturns() {
    double[] with = returnedStats(featureScenario(60, false, true, false));
    double[] without = returnedStats(featureScenario(60, false, false, false));
    assertThat(with[0]).isGreaterThan(without[0]);
    assertThat(with[1] / without[1]).isGreaterThan(1.5);
  }

  private static double[] returnedStats(Scenario s) {
    CompiledModel model = new CompiledModel(s);
    AgentEngine e = new AgentEngine(model, AgentFeatures.of(s), null, 1);
    int reps = 300;
    double sum = 0;
    double sq = 0;
    for (int r = 0; r < reps; r++) {
      int[] x = new int[1];
      e.simulate(
          9,
          r,
          (month, stocks) -> {
            if (month == 3) {
              x[0] = stocks[0][CompiledModel.RETURNED];
            }
          });
      sum += x[0];
      sq += (double) x[0] * x[0];
    }
    double mean = sum / reps;
    return new double[] {mean, sq / reps - mean * mean};
  }

  /**
   * One origin of {@code n} men. With {@code lag}: everyone leaves theatre and transit at once and
   * is dispatched home, then waits a log-normal lag (median 5, σ 0.8). With {@code networks}:
   * clusters of mean size 5 and a follow multiplier of 20 on a slow exit through transit to home
   * (the same exit without networks when no feature is asked for). With {@code hetero}: a single
   * exit hazard of 0.2 from theatre, gamma shape 0.5.
   */
  static Scenario featureScenario(int n, boolean lag, boolean networks, boolean hetero) {
    Map<String, Double> v = new HashMap<>();
    for (String name :
        List.of(
            "kill_rate_base",
            "kill_rate_collapse",
            "detention_rate_collapse",
            "exit_rate_collapse",
            "insurgency_rate_collapse",
            "defection_rate_collapse",
            "merger_probability",
            "transit_arrest_share",
            "relocation_share",
            "insurgent_kill_rate",
            "insurgent_detention_rate",
            "other_group_kill_rate",
            "assessment_rate",
            "reengagement_rate",
            "share_women",
            "share_minors",
            "share_killed_by_start",
            "share_returned_by_start",
            "border_closure",
            "route_screening")) {
      v.put(name, 0.0);
    }
    v.put("dispatch_home_share", 1.0);
    if (lag) {
      v.put("exit_rate_base", 60.0);
      v.put("transit_exit_rate", 60.0);
      v.put("dispatch_share", 1.0);
    } else if (hetero) {
      v.put("exit_rate_base", 0.2);
      v.put("transit_exit_rate", 0.5);
      v.put("dispatch_share", 0.0);
    } else {
      v.put("exit_rate_base", 60.0);
      v.put("transit_exit_rate", 0.02);
      v.put("dispatch_share", 0.0);
    }
    Scenario s =
        TestScenarios.small(
            List.of(TestScenarios.country("FRA", "western_europe", n)), v, lag ? 30 : 12);
    Map<String, Parameter> extra = new LinkedHashMap<>();
    if (lag) {
      put(extra, AgentFeatures.TIME_IN_STATE + "dispatched" + AgentFeatures.MEDIAN, 5);
      put(extra, AgentFeatures.TIME_IN_STATE + "dispatched" + AgentFeatures.DISPERSION, 0.8);
    }
    if (networks) {
      put(extra, AgentFeatures.CLUSTER_SIZE, 5);
      put(extra, AgentFeatures.FOLLOW, 20);
    }
    if (hetero) {
      put(extra, AgentFeatures.HETEROGENEITY + "in_theatre" + AgentFeatures.SHAPE, 0.5);
    }
    return s.withParameters(extra);
  }

  private static void put(Map<String, Parameter> into, String name, double value) {
    into.put(name, TestScenarios.fixed(name, value));
  }
}
