package org.dispersal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.model.Scenario;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * An origin's exit propensity m in both engines: the first month's moves to transit follow the
 * exact binomial law with the exit hazard times m, m = 1 changes no draw, the agent engine gives
 * the same stocks for one and three threads, and the two engines agree in law.
 */
class ExitPropensityEngineTest {

  private static final int N = 40;
  private static final int REPS = 20_000;

  /** Rates as in {@code CohortEngineTest}: lost territory 1/4, border closure 1/2. */
  private static final Map<String, Double> RATES =
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

  private static Origin men(String id, String name) {
    return new Origin(
        id,
        name,
        "western_europe",
        true,
        Range.of(N),
        Range.of(0),
        Range.of(0),
        Range.of(0),
        Range.of(0),
        List.of("X"),
        "");
  }

  private static Scenario scenario(ExitPropensity p) {
    return TestScenarios.small(List.of(men("FRA", "France"), men("BEL", "Belgium")), RATES, 3)
        .withExitPropensity(p);
  }

  private static final ExitPropensity DOUBLE_FRANCE =
      new ExitPropensity(ExitPropensity.BASIS_FILE, Double.NaN, Double.NaN, Map.of("FRA", 2.0));

  /** The month-1 probability of moving to transit for an exit-hazard multiplier m. */
  private static double transitProbability(double m) {
    double lost = 0.25;
    double hk = 0.02 + 0.10 * lost;
    double hd = 0.04 * lost;
    double hx = (0.01 + 0.2 * lost) * 0.5 * m;
    double hi = 0.08 * lost;
    double ho = 0.06 * lost;
    double total = hk + hd + hx + hi + ho;
    return (1 - Math.exp(-total)) * hx / total;
  }

  /**
   * France (m = 2) and Belgium (m = 1), 40 men each, one month: the number in transit must be
   * Bin(40, p(m)) for each, in both engines. Chi-square at alpha = 0.001 per assertion over 20,000
   * replications at a fixed seed: with eight assertions a false failure is below 1 in 100. The two
   * probabilities differ enough (0.028 and 0.056) that swapping them fails every assertion.
   */
  @Test
  void theFirstMonthsMovesToTransitFollowTheExactBinomial() {
    CompiledModel model = new CompiledModel(scenario(DOUBLE_FRANCE));
    int fra = cohort(model, "FRA");
    int bel = cohort(model, "BEL");
    assertThat(model.exitPropensity(fra)).isEqualTo(2.0);
    assertThat(model.exitPropensity(bel)).isEqualTo(1.0);
    double[] pFra = pmf(transitProbability(2.0));
    double[] pBel = pmf(transitProbability(1.0));
    for (ReplicationEngine engine : List.of(new CohortEngine(model), new AgentEngine(model))) {
      long[][] counts = transitCounts(engine, fra, bel, 1, REPS);
      String name = engine.getClass().getSimpleName();
      assertThat(Stats.chiSquarePValue(pFra, counts[0])).as(name).isGreaterThan(0.001);
      assertThat(Stats.chiSquarePValue(pBel, counts[1])).as(name).isGreaterThan(0.001);
      // and the wrong law is rejected: France is not Bin(40, p(1)), Belgium not Bin(40, p(2))
      assertThat(Stats.chiSquarePValue(pBel, counts[0])).as(name).isLessThan(0.001);
      assertThat(Stats.chiSquarePValue(pFra, counts[1])).as(name).isLessThan(0.001);
    }
  }

  /**
   * After three months (transit leavers, deaths and new exits mixed), France's people still in
   * theatre have the same law in the agent and the cohort engine: a chi-square homogeneity test
   * over 4,000 replications each at alpha = 0.001.
   */
  @Test
  void agentAndCohortEnginesAgreeInLaw() {
    CompiledModel model = new CompiledModel(scenario(DOUBLE_FRANCE));
    int fra = cohort(model, "FRA");
    int reps = 4_000;
    int[] cohort = inTheatre(new CohortEngine(model), fra, 3, reps);
    int[] agent = inTheatre(new AgentEngine(model), fra, 3, reps);
    assertThat(Stats.homogeneity(cohort, agent)).isGreaterThan(0.001);
  }

  /** m = 1 written out for every origin gives the very draws of a scenario without propensities. */
  @Test
  void multipliersOfOneChangeNoDraw() {
    ExitPropensity ones =
        new ExitPropensity(
            ExitPropensity.BASIS_FILE, Double.NaN, Double.NaN, Map.of("FRA", 1.0, "BEL", 1.0));
    CompiledModel none = new CompiledModel(scenario(ExitPropensity.NONE));
    CompiledModel one = new CompiledModel(scenario(ones));
    CompiledModel two = new CompiledModel(scenario(DOUBLE_FRANCE));
    for (long rep = 0; rep < 5; rep++) {
      assertThat(trace(new CohortEngine(one), rep)).isEqualTo(trace(new CohortEngine(none), rep));
      assertThat(trace(new AgentEngine(one), rep)).isEqualTo(trace(new AgentEngine(none), rep));
    }
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (long rep = 0; rep < 5; rep++) {
      a.append(trace(new CohortEngine(none), rep));
      b.append(trace(new CohortEngine(two), rep));
    }
    assertThat(b.toString()).isNotEqualTo(a.toString());
  }

  /** With m = 2 for France the agent engine gives the same stocks on one and on three threads. */
  @Test
  void sameStocksForOneAndThreeThreads() {
    CompiledModel model = new CompiledModel(scenario(DOUBLE_FRANCE));
    AgentFeatures f = AgentFeatures.of(model.scenario());
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (long rep = 0; rep < 3; rep++) {
        String one = trace(new AgentEngine(model, f, null, 1), rep);
        assertThat(trace(new AgentEngine(model, f, pool, 3), rep)).isEqualTo(one);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int cohort(CompiledModel model, String origin) {
    for (Cohort c : model.cohorts()) {
      if (c.origin().id().equals(origin)
          && c.demographic() == org.dispersal.model.Demographic.MEN) {
        return c.index();
      }
    }
    throw new AssertionError(origin);
  }

  private static long[][] transitCounts(
      ReplicationEngine engine, int fra, int bel, int month, int reps) {
    long[][] counts = new long[2][N + 1];
    for (int r = 0; r < reps; r++) {
      engine.simulate(
          77,
          r,
          (m, stocks) -> {
            if (m == month) {
              counts[0][stocks[fra][CompiledModel.TRANSIT]]++;
              counts[1][stocks[bel][CompiledModel.TRANSIT]]++;
            }
          });
    }
    return counts;
  }

  private static int[] inTheatre(ReplicationEngine engine, int c, int month, int reps) {
    int[] out = new int[reps];
    for (int r = 0; r < reps; r++) {
      int i = r;
      engine.simulate(
          91,
          r,
          (m, stocks) -> {
            if (m == month) {
              out[i] = stocks[c][CompiledModel.IN_THEATRE];
            }
          });
    }
    return out;
  }

  private static String trace(ReplicationEngine e, long rep) {
    StringBuilder sb = new StringBuilder();
    e.simulate(42, rep, (m, stocks) -> sb.append(m).append(Arrays.deepToString(stocks)));
    return sb.toString();
  }

  private static double[] pmf(double p) {
    BinomialDistribution d = BinomialDistribution.of(N, p);
    double[] out = new double[N + 1];
    for (int k = 0; k <= N; k++) {
      out[k] = d.probability(k);
    }
    return out;
  }
}
