package org.dispersal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.app.artifacts.Artifacts;
import org.dispersal.app.artifacts.MemorySink;
import org.dispersal.app.forecast.MixtureRequest;
import org.dispersal.app.problem.InputException;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;

class MixtureRequestTest {

  private static final int MONTHS = 6;

  private static MixtureRequest request(int threads, double[] weights) {
    HypothesisScenario read = Scenarios.withHypotheses("isis-2017");
    HypothesisSet set = read.hypotheses();
    List<Scenario> scenarios = new ArrayList<>();
    for (Hypothesis h : set.hypotheses()) {
      scenarios.add(
          Scenarios.reader()
              .withOverrides(h.overrides())
              .read(h.variant() == null ? "isis-2017" : h.variant())
              .withMonths(MONTHS));
    }
    return new MixtureRequest(
        Scenarios.builtIn("isis-2017", MONTHS),
        set.hypotheses(),
        scenarios,
        weights,
        "by test weights",
        40,
        7L,
        threads,
        List.of());
  }

  private static double[] weights(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = i + 1;
    }
    return w;
  }

  @Test
  void theMixtureSaysSoAndGivesTheSameBytesForAnyThreadCount() throws Exception {
    int n = Scenarios.withHypotheses("isis-2017").hypotheses().hypotheses().size();
    RunResult<EnsembleSummary> one =
        request(1, weights(n)).execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    RunResult<EnsembleSummary> two =
        request(2, weights(n)).execute(Scenarios.PROVENANCE, done -> {}, Cancellation.NEVER);
    Artifacts a = new MemorySink().keep(one);
    Artifacts b = new MemorySink().keep(two);
    assertThat(a.files().get("summary.csv")).isEqualTo(b.files().get("summary.csv"));
    assertThat(one.value().toBytes()).isEqualTo(two.value().toBytes());
    String weights = new String(a.files().get("mixture-weights.csv"), StandardCharsets.UTF_8);
    List<String> lines = weights.lines().toList();
    assertThat(lines.get(0)).isEqualTo("hypothesis,name,weight,runs,runs_as");
    assertThat(lines).hasSize(n + 1);
    double[] w = weights(n);
    double sum = n * (n + 1) / 2.0;
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    int[] runs = org.dispersal.hypotheses.Allocation.largestRemainder(w, 40);
    for (int i = 0; i < n; i++) {
      assertThat(lines.get(i + 1))
          .contains(String.format(java.util.Locale.ROOT, ",%.6f,%d,", w[i], runs[i]));
    }
    // Per-replication values for paired comparisons: same bytes, replications in hypothesis order.
    org.dispersal.store.ReplicationValues v1 = one.replicationValues();
    org.dispersal.store.ReplicationValues v2 = two.replicationValues();
    assertThat(v1.replications()).isEqualTo(40);
    assertThat(v1.layout()).startsWith("mixture: ").isEqualTo(v2.layout());
    assertThat(v1.months()).hasSize(MONTHS + 1);
    for (int m = 0; m <= MONTHS; m++) {
      assertThat(v1.months().get(m)).isEqualTo(v2.months().get(m));
    }
    String manifest = one.manifestJson();
    assertThat(manifest).contains("cohort (mixture of hypotheses)").contains("by test weights");
    String report = new String(a.files().get("report.html"), StandardCharsets.UTF_8);
    assertThat(report).contains("mixture of " + n + " hypotheses weighted by test weights");
  }

  @Test
  void refusesAHypothesisOverAnotherHorizon() {
    HypothesisScenario read = Scenarios.withHypotheses("isis-2017");
    List<Hypothesis> hs = read.hypotheses().hypotheses();
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < hs.size(); i++) {
      scenarios.add(read.scenario().withMonths(i == 1 ? 12 : MONTHS));
    }
    assertThatThrownBy(
            () ->
                new MixtureRequest(
                    Scenarios.builtIn("isis-2017", MONTHS),
                    hs,
                    scenarios,
                    weights(hs.size()),
                    "",
                    10,
                    1L,
                    1,
                    List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("hypothesis " + hs.get(1).id());
  }
}
