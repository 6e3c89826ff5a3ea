package org.dispersal.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.scoring.ObservedRange;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

class ModelCalibrationTest {

  private static final ObservedRange ANY = new ObservedRange(0, Double.POSITIVE_INFINITY);

  @Test
  void measuresAddUpTheRightCompartments() throws Exception {
    CompiledModel m = new CompiledModel(TestScenarios.calibratable(0.3));
    TargetResolver r = new TargetResolver(m);
    YearMonth start = m.scenario().start();
    Target all = target(r, start, "world", "", "all", ObservedMeasure.TRAVELLED);
    Target fra = target(r, start, "country", "FRA", "all", ObservedMeasure.TRAVELLED);
    Target both = target(r, start, "countries", "FRA+TUN", "all", ObservedMeasure.TRAVELLED);
    Target we = target(r, start, "region", "Western Europe", "all", ObservedMeasure.TRAVELLED);
    Target women = target(r, start, "country", "FRA", "women", ObservedMeasure.TRAVELLED);
    List<Target> ts = List.of(all, fra, both, we, women);
    Target.Recorder rec = new Target.Recorder(ts);
    new CohortEngine(m).simulate(1, 0, rec);
    double[] v = rec.values();
    assertThat(v[0]).isEqualTo(5000);
    assertThat(v[1]).isEqualTo(2000);
    assertThat(v[2]).isEqualTo(5000);
    assertThat(v[3]).isEqualTo(2000);
    assertThat(v[4]).isBetween(1.0, 1999.0);
    // every compartment is counted by travelled; returned includes the home dispatch triple
    for (var c : m.cohorts()) {
      for (int j : c.compartments()) {
        var comp = m.compartments().get(j);
        boolean home = comp.destination().equals(c.origin().id());
        if (comp.state() == org.dispersal.model.State.ATTACK) {
          assertThat(ObservedMeasure.RETURNED.includes(comp, c.origin())).isEqualTo(home);
        }
      }
    }
  }

  @Test
  void unresolvableFiguresSayWhy() {
    TargetResolver r = new TargetResolver(new CompiledModel(TestScenarios.calibratable(0.3)));
    YearMonth start = YearMonth.of(2017, 2);
    assertThatThrownBy(() -> target(r, start, "country", "DEU", "all", ObservedMeasure.RETURNED))
        .hasMessageContaining("DEU has no origin");
    assertThatThrownBy(
            () -> target(r, start.plusMonths(7), "world", "", "all", ObservedMeasure.RETURNED))
        .hasMessageContaining("after the forecast horizon");
    assertThatThrownBy(
            () -> target(r, start.minusMonths(4), "world", "", "all", ObservedMeasure.RETURNED))
        .hasMessageContaining("more than 3 months before the start");
    assertThatThrownBy(() -> target(r, start, "region", "Atlantis", "all", ObservedMeasure.KILLED))
        .hasMessageContaining("no region Atlantis");
  }

  @Test
  void recoversAKnownShareAndIsReproducible() throws Exception {
    double truth = 0.3;
    CompiledModel truthModel =
        new CompiledModel(
            TestScenarios.calibratable(truth)
                .withParameters(
                    Map.of(
                        "share_returned_by_start",
                        TestScenarios.fixed("share_returned_by_start", truth))));
    TargetResolver tr = new TargetResolver(truthModel);
    Target probe = target(tr, YearMonth.of(2017, 2), "world", "", "all", ObservedMeasure.RETURNED);
    Target.Recorder rec = new Target.Recorder(List.of(probe));
    new CohortEngine(truthModel).simulate(77, 0, rec);
    double observed = rec.values()[0];

    CompiledModel model = new CompiledModel(TestScenarios.calibratable(truth));
    List<Target> targets = new ArrayList<>();
    targets.add(
        new TargetResolver(model)
            .resolve(
                "returned",
                YearMonth.of(2017, 2),
                "world",
                "",
                "all",
                ObservedMeasure.RETURNED,
                new ObservedRange(observed - 25, observed + 25))
            .target());
    ModelCalibration.Result a =
        ModelCalibration.calibrate(model, targets, new AbcSmc.Settings(300, 3000, 0.5, 1, 5));
    ModelCalibration.Result b =
        ModelCalibration.calibrate(model, targets, new AbcSmc.Settings(300, 3000, 0.5, 2, 5));
    assertThat(a.names()).containsExactly("share_returned_by_start");
    assertThat(a.free()).containsExactlyInAnyOrder("share_returned_by_start", "exit_rate_base");
    Posterior p = a.posterior();
    assertThat(p.quantile(0, 0.05)).isLessThan(truth);
    assertThat(p.quantile(0, 0.95)).isGreaterThan(truth);
    // the prior 90% interval is 0.0775-0.5725 (width 0.495); the figure narrows it to well under
    // half
    assertThat(p.quantile(0, 0.95) - p.quantile(0, 0.05)).isLessThan(0.2);
    assertThat(b.posterior().values()).isDeepEqualTo(p.values());
    assertThat(b.posterior().weights()).containsExactly(p.weights());
  }

  @Test
  void priorEnsembleReproducesTheEngineReplicationByReplication() throws Exception {
    CompiledModel model = new CompiledModel(TestScenarios.calibratable(0.3));
    Target t =
        target(
            new TargetResolver(model),
            YearMonth.of(2017, 5),
            "world",
            "",
            "all",
            ObservedMeasure.RETURNED);
    PosteriorEnsemble.Result r =
        PosteriorEnsemble.run(model, null, 6, 42, 2, List.of(t), true, i -> {});
    CohortEngine engine = new CohortEngine(model);
    for (int i = 0; i < 6; i++) {
      Target.Recorder rec = new Target.Recorder(List.of(t));
      engine.simulate(42, i, rec);
      assertThat(r.samples()[0][i]).isEqualTo(rec.values()[0]);
    }
    assertThat(r.summary().replications()).isEqualTo(6);
    Posterior one =
        new Posterior(List.of("share_returned_by_start"), new double[][] {{0.5}}, new double[] {1});
    PosteriorEnsemble.Result q =
        PosteriorEnsemble.run(model, one, 4, 42, 1, List.of(t), false, i -> {});
    // Common random numbers: a one-point posterior gives exactly the runs of the scenario with
    // that value fixed, replication by replication.
    CohortEngine fixed =
        new CohortEngine(
            new CompiledModel(
                model
                    .scenario()
                    .withParameters(
                        Map.of(
                            "share_returned_by_start",
                            TestScenarios.fixed("share_returned_by_start", 0.5)))));
    for (int i = 0; i < 4; i++) {
      Target.Recorder rec = new Target.Recorder(List.of(t));
      fixed.simulate(42, i, rec);
      assertThat(q.samples()[0][i]).isEqualTo(rec.values()[0]);
      assertThat(q.start()[0][i]).isEqualTo(rec.startValues()[0]);
    }
  }

  private static Target target(
      TargetResolver r, YearMonth date, String scope, String id, String demo, ObservedMeasure m)
      throws TargetResolver.UnresolvableException {
    return r.resolve("t", date, scope, id, demo, m, ANY).target();
  }
}
