package org.dispersal.input.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.dispersal.agent.EngineKind;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.engine.Cohort;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.Demographic;
import org.dispersal.model.RepatriationPolicy;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Organised repatriation is a policy that changes the forecast where it should: on a real run of
 * isis-2017 and its variant isis-2017-repatriation-organised (France, Belgium, Russia and
 * Kazakhstan organised from January 2019), with the same seed and replications (common random
 * numbers), each of those countries has more of its women and of its minors back home at +36 months
 * (January 2020) than under the default case-by-case policy. The test pairs replications and
 * requires the mean difference minus three standard errors to be above zero (a one-sided bound
 * whose false-failure rate is about 0.1% per comparison if the normal approximation holds), and a
 * country left case by case to be unchanged in every replication.
 */
class RepatriationVariantTest {

  private static final int RUNS = 40;
  private static final long SEED = 20170201;
  private static final int MONTH = 36;

  @Test
  void organisedRepatriationBringsMoreWomenAndMinorsHome() {
    ScenarioReader reader =
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf));
    Scenario base = reader.readBuiltIn("isis-2017");
    Scenario organised = reader.readBuiltIn("isis-2017-repatriation-organised");
    assertThat(organised.drivers().repatriation().policy("FRA", 23))
        .isEqualTo(RepatriationPolicy.ORGANISED);
    CompiledModel a = new CompiledModel(base);
    CompiledModel b = new CompiledModel(organised);
    for (String country : List.of("FRA", "BEL", "RUS", "KAZ", "TUN")) {
      for (Demographic d : List.of(Demographic.WOMEN, Demographic.MINORS)) {
        double[] home = home(a, country, d);
        double[] homeOrganised = home(b, country, d);
        double[] diff = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
          diff[i] = homeOrganised[i] - home[i];
        }
        double mean = Arrays.stream(diff).average().orElseThrow();
        double sd =
            Math.sqrt(Arrays.stream(diff).map(x -> (x - mean) * (x - mean)).sum() / (RUNS - 1));
        double[] sorted = diff.clone();
        Arrays.sort(sorted);
        System.out.printf(
            "%s %-6s default mean %.1f organised mean %.1f difference mean %.1f (90%% of"
                + " replications %.0f to %.0f)%n",
            country,
            d.id(),
            Arrays.stream(home).average().orElseThrow(),
            Arrays.stream(homeOrganised).average().orElseThrow(),
            mean,
            sorted[(int) Math.floor(0.05 * RUNS)],
            sorted[(int) Math.ceil(0.95 * RUNS) - 1]);
        if (country.equals("TUN")) {
          assertThat(diff).as("%s %s", country, d).containsOnly(0.0);
        } else {
          assertThat(mean - 3 * sd / Math.sqrt(RUNS)).as("%s %s", country, d).isPositive();
        }
      }
    }
  }

  /** Per replication, the people of one origin and demographic back home at {@link #MONTH}. */
  private static double[] home(CompiledModel model, String country, Demographic d) {
    int cohort = -1;
    for (Cohort c : model.cohorts()) {
      if (c.origin().id().equals(country) && c.demographic() == d) {
        cohort = c.index();
      }
    }
    assertThat(cohort)
        .as(country + " among " + model.scenario().origins().stream().map(o -> o.id()).toList())
        .isNotNegative();
    Cohort c = model.cohorts().get(cohort);
    int[] global = c.compartments();
    double[] out = new double[RUNS];
    ReplicationEngine engine = EngineKind.AUTO.create(model);
    int k = cohort;
    for (int r = 0; r < RUNS; r++) {
      int rep = r;
      engine.simulate(
          SEED,
          r,
          (month, stocks) -> {
            if (month == MONTH) {
              int n = 0;
              for (int j = 0; j < global.length; j++) {
                if (ObservedMeasure.RETURNED.includes(
                    model.compartments().get(global[j]), c.origin())) {
                  n += stocks[k][j];
                }
              }
              out[rep] = n;
            }
          });
    }
    return out;
  }
}
