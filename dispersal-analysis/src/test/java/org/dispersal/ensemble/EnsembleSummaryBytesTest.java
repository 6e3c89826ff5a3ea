package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dispersal.engine.CohortEngine;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * The byte form of summaries (what Spark tasks send) reads back to the same statistics, is the same
 * however replications were split, and replication ranges merge into the whole ensemble.
 */
class EnsembleSummaryBytesTest {

  private static final Scenario SCENARIO =
      TestScenarios.random(RandomStreams.stream(2018, 0, RandomStreams.Purpose.PARAMETERS));

  @Test
  void rangesMergeIntoTheEnsembleAndTheirBytesAreCanonical() throws Exception {
    CompiledModel model = new CompiledModel(SCENARIO);
    EnsembleSummary whole = EnsembleRunner.run(model, 40, 5, 2, i -> {});
    EnsembleSummary merged = EnsembleRunner.runRange(model, 25, 40, 5, new CohortEngine(model));
    merged.combine(EnsembleRunner.runRange(model, 0, 9, 5, new CohortEngine(model)));
    merged.combine(EnsembleRunner.runRange(model, 9, 25, 5, new CohortEngine(model)));
    assertThat(merged.replications()).isEqualTo(40);
    assertThat(merged.toBytes()).isEqualTo(whole.toBytes());
    byte[] first = EnsembleRunner.runRange(model, 0, 17, 5, new CohortEngine(model)).toBytes();
    byte[] rest = EnsembleRunner.runRange(model, 17, 40, 5, new CohortEngine(model)).toBytes();
    assertThat(EnsembleSummary.mergeBytes(rest, first)).isEqualTo(whole.toBytes());
    EnsembleSummary read = EnsembleSummary.fromBytes(model, whole.toBytes());
    assertThat(EnsembleRunnerTest.digest(read)).isEqualTo(EnsembleRunnerTest.digest(whole));
    assertThat(read.replications()).isEqualTo(40);
    assertThat(EnsembleRunner.runRange(model, 3, 3, 5, new CohortEngine(model)).replications())
        .isZero();
  }

  @Test
  void bytesOfAnotherModelOrGarbageAreRejected() {
    CompiledModel model = new CompiledModel(SCENARIO);
    CompiledModel other = new CompiledModel(SCENARIO.withMonths(SCENARIO.months() + 1));
    byte[] bytes = EnsembleRunner.run(model, 3, 5, 1, i -> {}).toBytes();
    assertThatThrownBy(() -> EnsembleSummary.fromBytes(other, bytes))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnsembleSummary.fromBytes(model, new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] otherBytes = EnsembleRunner.run(other, 3, 5, 1, i -> {}).toBytes();
    assertThatThrownBy(() -> EnsembleSummary.mergeBytes(bytes, otherBytes))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
