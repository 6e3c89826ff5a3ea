package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * Merging worker summaries on several threads, range of cells by range, gives the same summary as
 * absorbing them one after another, for any thread count, and empties the others.
 */
class EnsembleSummaryAbsorbAllTest {

  private static final Scenario SCENARIO =
      TestScenarios.random(RandomStreams.stream(2026, 0, RandomStreams.Purpose.PARAMETERS));

  private static List<EnsembleSummary> parts(CompiledModel model) {
    int[] bounds = {0, 7, 19, 20, 33, 48};
    List<EnsembleSummary> out = new ArrayList<>();
    for (int k = 0; k + 1 < bounds.length; k++) {
      out.add(EnsembleRunner.runRange(model, bounds[k], bounds[k + 1], 9, new CohortEngine(model)));
    }
    return out;
  }

  @Test
  void parallelMergeIsTheSequentialMergeForAnyThreadCount() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    List<EnsembleSummary> sequential = parts(model);
    EnsembleSummary expected = sequential.get(0);
    for (EnsembleSummary s : sequential.subList(1, sequential.size())) {
      expected.absorb(s);
    }
    String digest = EnsembleRunnerTest.digest(expected);
    for (int threads : new int[] {1, 2, 3, 8}) {
      List<EnsembleSummary> p = parts(model);
      EnsembleSummary total = p.get(0);
      total.absorbAll(p.subList(1, p.size()), threads);
      assertThat(total.replications()).isEqualTo(48);
      assertThat(total.toBytes()).isEqualTo(expected.toBytes());
      assertThat(EnsembleRunnerTest.digest(total)).isEqualTo(digest);
      for (EnsembleSummary other : p.subList(1, p.size())) {
        assertThat(other.replications()).isZero();
      }
    }
    assertThat(EnsembleRunner.run(model, 48, 9, 3, i -> {}).toBytes())
        .isEqualTo(expected.toBytes());
  }

  @Test
  void itselfOrAnotherModelIsRejected() {
    CompiledModel model = new CompiledModel(SCENARIO);
    CompiledModel other = new CompiledModel(SCENARIO.withMonths(SCENARIO.months() + 1));
    EnsembleSummary a = EnsembleRunner.run(model, 2, 5, 1, i -> {});
    EnsembleSummary b = EnsembleRunner.run(other, 2, 5, 1, i -> {});
    assertThatThrownBy(() -> a.absorbAll(List.of(a), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.absorbAll(List.of(b), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
