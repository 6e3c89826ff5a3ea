package org.dispersal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.model.Origin;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * Common random numbers: two scenarios that differ in one place draw the same random numbers
 * everywhere else, so compared variants differ only through the change itself.
 */
class CommonRandomNumbersTest {

  private static Scenario withUniformPriors(Scenario s, String... names) {
    Map<String, Parameter> params = new LinkedHashMap<>(s.parameters());
    for (String n : names) {
      Parameter p = params.get(n);
      params.put(
          n,
          new Parameter(
              n,
              new Prior.Uniform(0.01, 0.2),
              p.unit(),
              p.sources(),
              p.assumption(),
              p.description()));
    }
    return s.withParameters(params);
  }

  @Test
  void fixingOneParameterLeavesTheOtherDrawsUnchanged() {
    List<Origin> origins = List.of(TestScenarios.country("FRA", "western_europe", 500));
    Scenario base = TestScenarios.small(origins, Map.of(), 12);
    List<String> uncertain = new ArrayList<>(base.parameters().keySet()).subList(0, 6);
    Scenario a = withUniformPriors(base, uncertain.toArray(String[]::new));
    Map<String, Parameter> fixedOne = new LinkedHashMap<>(a.parameters());
    fixedOne.put(uncertain.get(2), TestScenarios.fixed(uncertain.get(2), 0.1));
    Scenario b = a.withParameters(fixedOne);
    CompiledModel ma = new CompiledModel(a);
    CompiledModel mb = new CompiledModel(b);
    for (long rep = 0; rep < 20; rep++) {
      double[] va = ma.replication(7, rep).realization().values();
      double[] vb = mb.replication(7, rep).realization().values();
      for (String name : uncertain) {
        double x = va[ma.parameterIndex(name)];
        double y = vb[mb.parameterIndex(name)];
        if (name.equals(uncertain.get(2))) {
          assertThat(y).isEqualTo(0.1);
        } else {
          assertThat(y).as("%s in replication %d", name, rep).isEqualTo(x);
        }
      }
    }
  }

  @Test
  void anAddedOriginLeavesTheOtherCohortsTrajectoriesUnchanged() {
    Origin fra = TestScenarios.country("FRA", "western_europe", 800);
    Origin tun = TestScenarios.country("TUN", "maghreb", 1200);
    Origin bel = TestScenarios.country("BEL", "western_europe", 400);
    Map<String, Double> values = Map.of("exit_rate_base", 0.1, "kill_rate_base", 0.05);
    CompiledModel two = new CompiledModel(TestScenarios.small(List.of(fra, tun), values, 18));
    CompiledModel three =
        new CompiledModel(TestScenarios.small(List.of(bel, fra, tun), values, 18));
    for (long rep = 0; rep < 10; rep++) {
      List<int[][]> a = trajectory(two, rep);
      List<int[][]> b = trajectory(three, rep);
      for (int t = 0; t < a.size(); t++) {
        // In the three-origin model FRA and TUN come after BEL's three cohorts.
        for (int c = 0; c < 6; c++) {
          assertThat(b.get(t)[c + 3])
              .as("rep %d month %d cohort %d", rep, t, c)
              .isEqualTo(a.get(t)[c]);
        }
      }
    }
  }

  @Test
  void aDifferentSeedGivesDifferentTrajectories() {
    Origin fra = TestScenarios.country("FRA", "western_europe", 5000);
    CompiledModel m =
        new CompiledModel(TestScenarios.small(List.of(fra), Map.of("exit_rate_base", 0.1), 12));
    assertThat(trajectory(m, 0).get(12)[0]).isNotEqualTo(trajectory(m, 1).get(12)[0]);
  }

  private static List<int[][]> trajectory(CompiledModel model, long rep) {
    List<int[][]> out = new ArrayList<>();
    new CohortEngine(model)
        .simulate(
            20170213L,
            rep,
            (month, stocks) -> {
              int[][] copy = new int[stocks.length][];
              for (int c = 0; c < stocks.length; c++) {
                copy[c] = stocks[c].clone();
              }
              out.add(copy);
            });
    return out;
  }
}
