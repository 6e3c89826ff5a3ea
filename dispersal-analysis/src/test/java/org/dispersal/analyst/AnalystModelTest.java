package org.dispersal.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.engine.Compartment;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/** The analyst tools on a small scenario, checked against the ensemble summary's states. */
class AnalystModelTest {

  private static final long SEED = 42;
  private static final int RUNS = 40;

  private static Scenario scenario(Map<String, Double> extra) {
    Map<String, Double> v = new HashMap<>();
    v.put("reengagement_rate", 0.01);
    v.put("rehabilitation_effect", 0.5);
    v.put("dispatch_share", 0.2);
    v.put("plot_rate", 0.1);
    v.put("plot_success_share", 0.4);
    v.put("operative_arrest_rate", 0.05);
    v.put("route_screening", 0.3);
    v.put("assessment_rate", 0.3);
    v.putAll(extra);
    return TestScenarios.small(
        List.of(
            TestScenarios.country("FRA", "western_europe", 900),
            TestScenarios.country("TUN", "maghreb", 1500)),
        v,
        24);
  }

  private static CompiledModel model() {
    return new CompiledModel(scenario(Map.of()));
  }

  @Test
  void screeningCountsAgreeWithTheSummaryStates() {
    CompiledModel model = model();
    int month = 18;
    List<Screening.Counts> counts = Screening.counts(model, "FRA", month, 12, RUNS, SEED, 2);
    EnsembleSummary summary = EnsembleRunner.run(model, RUNS, SEED, 1, i -> {});
    int scope = -1;
    for (int s = 0; s < summary.scopes().size(); s++) {
      if (summary.scopes().get(s).id().equals("FRA")) {
        scope = s;
      }
    }
    double expected = 0;
    for (Compartment c :
        List.of(
            new Compartment(State.RETURNED, ""),
            new Compartment(State.DISENGAGED, CompiledModel.COOPERATING_LABEL),
            new Compartment(State.DISENGAGED, CompiledModel.NOT_COOPERATING_LABEL),
            new Compartment(State.DISPATCHED, "FRA"))) {
      int key = summary.compartmentKey(model.compartments().indexOf(c));
      expected += summary.statistic(month, scope, 0, key).mean();
    }
    double mean = counts.stream().mapToDouble(Screening.Counts::returnees).average().orElseThrow();
    assertThat(mean).isCloseTo(expected, within(1e-9));
    assertThat(mean).isGreaterThan(50);
    // q = 1 - exp(-12 * 0.01 * (1 - 0.5)) for every non-cooperating returnee.
    double q = 1 - Math.exp(-12 * 0.01 * 0.5);
    for (Screening.Counts c : counts) {
      assertThat(c.reengaging()).isCloseTo(c.notCooperating() * q, within(1e-9));
      assertThat(c.committed()).isLessThanOrEqualTo(c.returnees());
    }
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    CompiledModel model = model();
    assertThat(Screening.counts(model, "TUN", 12, 6, 12, SEED, 1))
        .isEqualTo(Screening.counts(model, "TUN", 12, 6, 12, SEED, 5));
    ThreatOutlook.Outlook one = ThreatOutlook.run(model, 12, SEED, 1);
    ThreatOutlook.Outlook many = ThreatOutlook.run(model, 12, SEED, 4);
    assertThat(many.cells()).isDeepEqualTo(one.cells());
  }

  @Test
  void reportSummarisesEachReplication() {
    ScreeningTest t = new ScreeningTest(0.8, 0.9);
    List<Screening.Counts> counts =
        List.of(new Screening.Counts(100, 2, 40, 3), new Screening.Counts(200, 1, 10, 1));
    Screening.Report r = Screening.summarise("FRA", 6, 12, t, counts);
    assertThat(r.committed().mean()).isCloseTo((5 + 2) / 2.0, within(1e-12));
    assertThat(r.baseRate().mean()).isCloseTo((0.05 + 0.01) / 2, within(1e-12));
    assertThat(r.ppv().mean()).isCloseTo((t.ppv(0.05) + t.ppv(0.01)) / 2, within(1e-12));
    assertThat(r.missed().mean()).isCloseTo(0.2 * 3.5, within(1e-12));
    assertThat(r.wronglyFlagged().mean()).isCloseTo(0.1 * (95 + 198) / 2.0, within(1e-12));
  }

  @Test
  void unknownCountryAndMonthBeyondTheHorizonAreRejected() {
    CompiledModel model = model();
    assertThatThrownBy(() -> Screening.counts(model, "XXX", 6, 12, 2, SEED, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XXX");
    assertThatThrownBy(() -> Screening.counts(model, "FRA", 25, 12, 2, SEED, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threatOutlookIsConsistentWithTheSummaryStates() {
    CompiledModel model = model();
    ThreatOutlook.Outlook o = ThreatOutlook.run(model, RUNS, SEED, 2);
    EnsembleSummary summary = EnsembleRunner.run(model, RUNS, SEED, 1, i -> {});
    assertThat(o.destinations()).containsExactly("FRA", "TUN");
    for (int t = 0; t <= model.months(); t++) {
      double atLarge = 0;
      double attacks = 0;
      for (int d = 0; d < o.destinations().size(); d++) {
        atLarge += o.at(d, ThreatOutlook.Measure.AT_LARGE, t).mean();
        attacks += o.at(d, ThreatOutlook.Measure.CUMULATIVE_ATTACKS, t).mean();
        assertThat(o.at(d, ThreatOutlook.Measure.CUMULATIVE_PLOTS, t).mean())
            .isGreaterThanOrEqualTo(o.at(d, ThreatOutlook.Measure.CUMULATIVE_ATTACKS, t).mean());
      }
      assertThat(atLarge)
          .isCloseTo(summary.statistic(t, 0, 0, State.DISPATCHED).mean(), within(1e-9));
      assertThat(attacks)
          .isCloseTo(
              summary.statistic(t, 0, 0, State.ATTACK).mean()
                  - summary.statistic(0, 0, 0, State.ATTACK).mean(),
              within(1e-9));
    }
    int h = model.months();
    assertThat(o.at(o.ranking()[0], ThreatOutlook.Measure.CUMULATIVE_PLOTS, h).mean())
        .isGreaterThanOrEqualTo(
            o.at(o.ranking()[1], ThreatOutlook.Measure.CUMULATIVE_PLOTS, h).mean());
    assertThat(o.dispatchedShare().mean()).isBetween(0.0, 1.0);
  }

  @Test
  void foiledPlotsFollowTheirConditionalExpectation() {
    // With every plot succeeding there are no foiled plots: plots equal attacks exactly.
    CompiledModel sure = new CompiledModel(scenario(Map.of("plot_success_share", 1.0)));
    for (ThreatOutlook.Replication r : ThreatOutlook.replications(sure, 8, SEED, 1)) {
      for (double[][] v : r.values()) {
        assertThat(v[ThreatOutlook.Measure.PLOTS.ordinal()])
            .containsExactly(v[ThreatOutlook.Measure.ATTACKS.ordinal()]);
      }
    }
    // Otherwise foiled plots in month t are D(t-1) (1 - e^-H) plot (1 - s) / H.
    CompiledModel model = model();
    double hz = 0.05 + 0.1;
    double perOperative = (1 - Math.exp(-hz)) * 0.1 * 0.6 / hz;
    for (ThreatOutlook.Replication r : ThreatOutlook.replications(model, 8, SEED, 1)) {
      for (double[][] v : r.values()) {
        for (int t = 1; t < v[0].length; t++) {
          double foiled =
              v[ThreatOutlook.Measure.PLOTS.ordinal()][t]
                  - v[ThreatOutlook.Measure.ATTACKS.ordinal()][t];
          assertThat(foiled)
              .isCloseTo(
                  v[ThreatOutlook.Measure.AT_LARGE.ordinal()][t - 1] * perOperative, within(1e-9));
        }
      }
    }
  }

  @Test
  void anIdenticalVariantDiffersByExactlyZero() {
    CompiledModel base = model();
    CompiledModel same = model();
    List<VariantComparison.Variant> variants =
        List.of(
            new VariantComparison.Variant("base", base),
            new VariantComparison.Variant("same", same),
            new VariantComparison.Variant(
                "prosecution doubled",
                new CompiledModel(scenario(Map.of("prosecution_multiplier", 2.0)))));
    List<Integer> months = VariantComparison.defaultMonths(24);
    assertThat(months).containsExactly(6, 12, 24);
    VariantComparison.Comparison c = VariantComparison.run(variants, months, RUNS, SEED, 3);
    int prosecuted = VariantComparison.HEADLINES.indexOf(State.PROSECUTED);
    for (int t = 0; t < months.size(); t++) {
      for (int k = 0; k < VariantComparison.HEADLINES.size(); k++) {
        Interval d = c.difference(t, 1, k);
        assertThat(List.of(d.mean(), d.p05(), d.p50(), d.p95())).containsOnly(0.0);
        assertThat(c.difference(t, 0, k).p95()).isZero();
      }
      assertThat(c.difference(t, 2, prosecuted).mean()).isGreaterThan(0);
      assertThat(c.level(t, 1, prosecuted)).isEqualTo(c.level(t, 0, prosecuted));
    }
    // Prosecutions accumulate: more at +24 than at +6 months, in the base and the variant.
    assertThat(c.level(2, 0, prosecuted).mean()).isGreaterThan(c.level(0, 0, prosecuted).mean());
  }

  @Test
  void theDefaultMonthsAreCappedAtTheHorizon() {
    assertThat(VariantComparison.defaultMonths(36)).containsExactly(6, 12, 24, 36);
    assertThat(VariantComparison.defaultMonths(60)).containsExactly(6, 12, 24, 36);
    assertThat(VariantComparison.defaultMonths(30)).containsExactly(6, 12, 24, 30);
    assertThat(VariantComparison.defaultMonths(4)).containsExactly(4);
  }
}
