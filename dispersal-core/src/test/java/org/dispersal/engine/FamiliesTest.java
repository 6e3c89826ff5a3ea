package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.dispersal.model.Origin;
import org.dispersal.model.Range;
import org.dispersal.model.Repatriation;
import org.dispersal.model.RepatriationPolicy;
import org.dispersal.model.Scenario;
import org.dispersal.testkit.Stats;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * Camps, repatriation and births in the cohort engine against their exact one-month distributions
 * (chi-square goodness of fit at α = 0.001 per assertion over 20,000 replications at fixed seeds),
 * and the decay of the hazards of lost territory against its closed form.
 */
class FamiliesTest {

  private static final int REPS = 20_000;

  /** Every hazard and share 0, so a test switches on only the transitions it checks. */
  private static Map<String, Double> quiet() {
    Map<String, Double> v = new HashMap<>();
    for (String name :
        List.of(
            "kill_rate_base",
            "kill_rate_collapse",
            "detention_rate_collapse",
            "exit_rate_base",
            "exit_rate_collapse",
            "insurgency_rate_collapse",
            "defection_rate_collapse",
            "merger_probability",
            "camp_rate_collapse",
            "camp_death_rate",
            "camp_escape_rate",
            "camp_trial_rate",
            "share_minors",
            "share_killed_by_start",
            "share_returned_by_start",
            "assessment_rate",
            "birth_rate")) {
      v.put(name, 0.0);
    }
    v.put("share_women", 1.0);
    return v;
  }

  private static Origin france(int n) {
    return new Origin(
        "FRA",
        "France",
        "western_europe",
        true,
        Range.of(n),
        null,
        null,
        Range.of(0),
        Range.of(0),
        List.of("X"),
        "");
  }

  /**
   * Women in theatre for one month with births at rate b and capture into the camps at hazard c per
   * unit of lost territory (a quarter lost, no decay): the children born are Bin(n, 1 − e^−b) and
   * join the minors in theatre; the women taken to the camps are Bin(n, 1 − e^−c/4).
   */
  @Test
  void birthsAndCaptureInTheFirstMonthMatchTheirBinomials() {
    int n = 30;
    Map<String, Double> v = quiet();
    v.put("birth_rate", 0.05);
    v.put("camp_rate_collapse", 0.6);
    CompiledModel model = new CompiledModel(TestScenarios.small(List.of(france(n)), v, 1));
    long[] born = new long[n + 1];
    long[] camp = new long[n + 1];
    long[] minors = new long[n + 1];
    CohortEngine engine = new CohortEngine(model);
    for (int r = 0; r < REPS; r++) {
      int[] birthsSeen = new int[1];
      engine.simulate(
          41,
          r,
          new MonthObserver() {
            @Override
            public void births(int month, int[][] b) {
              birthsSeen[0] += java.util.Arrays.stream(b[2]).sum();
            }

            @Override
            public void observe(int month, int[][] stocks) {
              if (month == 1) {
                camp[stocks[1][CompiledModel.IN_CAMP]]++;
                minors[stocks[2][CompiledModel.IN_THEATRE]]++;
              }
            }
          });
      born[birthsSeen[0]]++;
    }
    assertThat(born).isEqualTo(minors);
    assertThat(Stats.chiSquarePValue(pmf(n, -Math.expm1(-0.05)), born)).isGreaterThan(0.001);
    assertThat(Stats.chiSquarePValue(pmf(n, -Math.expm1(-0.6 * 0.25)), camp)).isGreaterThan(0.001);
  }

  /**
   * Everyone taken to the camps in month 1 (hazard 400 per unit lost, a quarter lost), then one
   * month in the camps with death d, escape e, trial j and organised repatriation of women at rate
   * ρ·w: the number repatriated in month 2 is Bin(n, (1 − e^−H) ρw / H), H = d + e + j + ρw, and
   * the number still in the camps Bin(n, e^−H). Under no policy nobody comes home.
   */
  @Test
  void aMonthInTheCampsMatchesItsMultinomial() {
    int n = 30;
    double d = 0.02;
    double e = 0.03;
    double j = 0.04;
    double rho = 0.2;
    double w = 0.5;
    Map<String, Double> v = quiet();
    v.put("camp_rate_collapse", 400.0);
    v.put("camp_death_rate", d);
    v.put("camp_escape_rate", e);
    v.put("camp_trial_rate", j);
    v.put("repatriation_rate_organised", rho);
    v.put("repatriation_women_factor", w);
    Repatriation organised =
        new Repatriation(
            RepatriationPolicy.NONE,
            List.of(new Repatriation.Step("FRA", 1, RepatriationPolicy.ORGANISED)));
    Scenario s = TestScenarios.small(List.of(france(n)), v, 2, organised);
    CompiledModel model = new CompiledModel(s);
    long[] home = new long[n + 1];
    long[] stay = new long[n + 1];
    CohortEngine engine = new CohortEngine(model);
    for (int r = 0; r < REPS; r++) {
      engine.simulate(
          43,
          r,
          (month, stocks) -> {
            if (month == 1) {
              assertThat(stocks[1][CompiledModel.IN_CAMP]).isEqualTo(n);
            }
            if (month == 2) {
              home[stocks[1][CompiledModel.RETURNED]]++;
              stay[stocks[1][CompiledModel.IN_CAMP]]++;
            }
          });
    }
    double h = d + e + j + rho * w;
    assertThat(Stats.chiSquarePValue(pmf(n, -Math.expm1(-h) * rho * w / h), home))
        .isGreaterThan(0.001);
    assertThat(Stats.chiSquarePValue(pmf(n, Math.exp(-h)), stay)).isGreaterThan(0.001);

    CompiledModel none =
        new CompiledModel(TestScenarios.small(List.of(france(n)), v, 2, Repatriation.NONE));
    new CohortEngine(none)
        .simulate(43, 0, (month, stocks) -> assertThat(stocks[1][CompiledModel.RETURNED]).isZero());
  }

  /**
   * The pressure of lost territory decays with the half-life: stronghold a (weight 1 of 4) was lost
   * 8 months before the start, b and c (3 of 4) fall at month 6, so at month t ≥ 6 the pressure is
   * ¼·2^−(t+8)/h + ¾·2^−(t−6)/h, and before month 6 only the first term.
   */
  @Test
  void thePressureOfLostTerritoryDecaysWithTheHalfLife() {
    Map<String, Double> v = new HashMap<>();
    v.put("collapse_half_life", 3.0);
    CompiledModel model = new CompiledModel(TestScenarios.small(List.of(france(10)), v, 12));
    Realization r =
        Realization.draw(
            model,
            org.dispersal.random.RandomStreams.stream(
                1, 0, org.dispersal.random.RandomStreams.Purpose.PARAMETERS),
            org.dispersal.random.RandomStreams.stream(
                1, 0, org.dispersal.random.RandomStreams.Purpose.DRIVERS));
    for (int t = 0; t <= 12; t++) {
      double expected = 0.25 * Math.pow(2, -(t + 8) / 3.0);
      if (t >= 6) {
        expected += 0.75 * Math.pow(2, -(t - 6) / 3.0);
      }
      assertThat(r.collapse(t))
          .as("month %d", t)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(r.territory(t)).isEqualTo(t < 6 ? 0.75 : 0.0);
    }
  }

  private static double[] pmf(int n, double p) {
    BinomialDistribution dist = BinomialDistribution.of(n, p);
    double[] out = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      out[k] = dist.probability(k);
    }
    return out;
  }
}
