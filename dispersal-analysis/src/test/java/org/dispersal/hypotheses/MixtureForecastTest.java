package org.dispersal.hypotheses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/** The mixture forecast keeps each part or only the merged summary, with the same numbers. */
class MixtureForecastTest {

  private static List<CompiledModel> models() {
    return List.of(
        new CompiledModel(TestScenarios.calibratable(0.1)),
        new CompiledModel(TestScenarios.calibratable(0.4)));
  }

  @Test
  void theMergedRunGivesTheSameBytesAsTheRunThatKeepsItsPartsAndKeepsNoPart() {
    double[] w = {0.3, 0.7};
    MixtureForecast.Result kept = MixtureForecast.run(models(), w, 40, 9L, 2, n -> {});
    MixtureForecast.Result merged = MixtureForecast.runMerged(models(), w, 40, 9L, 1, n -> {});
    assertThat(merged.runs()).containsExactly(12, 28).isEqualTo(kept.runs());
    assertThat(merged.mixture().toBytes()).isEqualTo(kept.mixture().toBytes());
    assertThat(merged.perHypothesis()).hasSize(2).containsOnlyNulls();
    assertThat(kept.perHypothesis()).doesNotContainNull();
    // the merged summary is the two parts' ensembles combined
    EnsembleSummary a = EnsembleRunner.run(models().get(0), 12, 9L, 1, n -> {});
    a.combine(EnsembleRunner.run(models().get(1), 28, 9L, 1, n -> {}));
    assertThat(merged.mixture().toBytes()).isEqualTo(a.toBytes());
  }
}
