package org.dispersal.hypotheses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The default forecast's mixture without the hypotheses' own summaries ({@link
 * MixtureForecast#runMerged}) is the mixture of {@link MixtureForecast#run}, byte for byte, with
 * the same allocation, for any thread count.
 */
class MixtureForecastMergedTest {

  @Test
  void mergedMixtureIsTheMixtureOfRun() {
    Scenario base =
        TestScenarios.random(RandomStreams.stream(2020, 0, RandomStreams.Purpose.PARAMETERS));
    List<CompiledModel> models =
        List.of(
            new CompiledModel(base),
            new CompiledModel(base.withParameters(Map.of())),
            new CompiledModel(slower(base)));
    double[] weights = {0.5, 0.0, 0.5};
    MixtureForecast.Result full = MixtureForecast.run(models, weights, 31, 8, 2, i -> {});
    byte[] expected = full.mixture().toBytes();
    for (int threads : new int[] {1, 3}) {
      MixtureForecast.Result merged =
          MixtureForecast.runMerged(models, weights, 31, 8, threads, i -> {});
      assertThat(merged.runs()).containsExactly(full.runs());
      assertThat(merged.mixture().toBytes()).isEqualTo(expected);
      assertThat(merged.mixture().replications()).isEqualTo(31);
    }
    EnsembleSummary hypothesisOne = full.perHypothesis().get(0);
    assertThat(hypothesisOne.toBytes()).isNotEqualTo(expected);
  }

  @Test
  void hypothesesTakeDisjointReplications() {
    // Two identical hypotheses: the mixture must be replications 0 to 19 of the one scenario,
    // not replications 0 to 9 twice.
    Scenario base =
        TestScenarios.random(RandomStreams.stream(2021, 0, RandomStreams.Purpose.PARAMETERS));
    List<CompiledModel> twins = List.of(new CompiledModel(base), new CompiledModel(base));
    double[] halves = {0.5, 0.5};
    byte[] alone = EnsembleRunner.run(twins.get(0), 20, 5, 1, i -> {}).toBytes();
    assertThat(MixtureForecast.runMerged(twins, halves, 20, 5, 2, i -> {}).mixture().toBytes())
        .isEqualTo(alone);
    assertThat(MixtureForecast.run(twins, halves, 20, 5, 2, i -> {}).mixture().toBytes())
        .isEqualTo(alone);
    EnsembleSummary repeated = EnsembleRunner.run(twins.get(0), 10, 5, 1, i -> {});
    repeated.combine(EnsembleRunner.run(twins.get(0), 10, 5, 1, i -> {}));
    assertThat(repeated.toBytes()).isNotEqualTo(alone);
  }

  /** The scenario with its exit and transition rates cut to a third: same layout, other numbers. */
  private static Scenario slower(Scenario s) {
    Map<String, Parameter> changed = new LinkedHashMap<>();
    s.parameters()
        .forEach(
            (name, p) -> {
              if (p.prior() instanceof Prior.Fixed f
                  && !name.startsWith("fall_month.")
                  && !name.equals("merger_month")
                  && !name.startsWith("share_")
                  && !name.equals("collapse_half_life")) {
                changed.put(name, TestScenarios.fixed(name, f.value() * 0.3));
              }
            });
    return s.withParameters(changed);
  }
}
