package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * Several ensembles of models laid out alike, run as one ({@link EnsembleRunner#runParts}), give
 * the bytes of each part's range of replications run alone and combined, for any thread count; a
 * summary absorbed into another is combined and emptied.
 */
class EnsembleRunnerPartsTest {

  private static final Scenario SCENARIO =
      TestScenarios.random(RandomStreams.stream(2019, 0, RandomStreams.Purpose.PARAMETERS));

  /** The scenario with every rate and probability scaled: the same layout, other dynamics. */
  static Scenario variant(Scenario s, double factor) {
    Map<String, Parameter> changed = new LinkedHashMap<>();
    s.parameters()
        .forEach(
            (name, p) -> {
              if (p.prior() instanceof Prior.Fixed f
                  && !name.startsWith("fall_month.")
                  && !name.equals("merger_month")
                  && !name.startsWith("share_")
                  && !name.equals("collapse_half_life")) {
                changed.put(name, TestScenarios.fixed(name, f.value() * factor));
              }
            });
    return s.withParameters(changed);
  }

  @Test
  void partsRunAsOneGiveThePartsCombinedForAnyThreadCount() {
    CompiledModel a = new CompiledModel(SCENARIO);
    CompiledModel b = new CompiledModel(variant(SCENARIO, 0.5));
    CompiledModel c = new CompiledModel(variant(SCENARIO, 0.2));
    List<CompiledModel> models = List.of(a, b, c);
    int[] runs = {17, 0, 23};
    EnsembleSummary reference = new EnsembleSummary(a);
    reference.combine(EnsembleRunner.runRange(a, 0, 17, 11, EngineKind.AUTO.create(a)));
    reference.combine(EnsembleRunner.runRange(c, 17, 40, 11, EngineKind.AUTO.create(c)));
    byte[] expected = reference.toBytes();
    // The parts differ, so a runner that ran one model for all would be caught.
    assertThat(EnsembleRunner.run(c, 23, 11, 1, i -> {}).toBytes())
        .isNotEqualTo(EnsembleRunner.run(a, 23, 11, 1, i -> {}).toBytes());
    for (int threads : new int[] {1, 2, 5}) {
      AtomicInteger last = new AtomicInteger();
      EnsembleSummary s =
          EnsembleRunner.runParts(
              models, runs, 11, threads, n -> last.accumulateAndGet(n, Math::max));
      assertThat(s.toBytes()).as("threads %d", threads).isEqualTo(expected);
      assertThat(s.replications()).isEqualTo(40);
      assertThat(s.model()).isSameAs(a);
      assertThat(last.get()).isEqualTo(40);
    }
    int[] swapped = {0, 9, 4};
    EnsembleSummary two = new EnsembleSummary(a);
    two.combine(EnsembleRunner.runRange(b, 0, 9, 3, EngineKind.AUTO.create(b)));
    two.combine(EnsembleRunner.runRange(c, 9, 13, 3, EngineKind.AUTO.create(c)));
    assertThat(EnsembleRunner.runParts(models, swapped, 3, 3, i -> {}).toBytes())
        .isEqualTo(two.toBytes());
  }

  @Test
  void modelsLaidOutDifferentlyOrNoRunsAreRefused() {
    CompiledModel a = new CompiledModel(SCENARIO);
    CompiledModel longer = new CompiledModel(SCENARIO.withMonths(SCENARIO.months() + 1));
    CompiledModel other =
        new CompiledModel(
            TestScenarios.random(RandomStreams.stream(7, 0, RandomStreams.Purpose.PARAMETERS)));
    assertThat(EnsembleSummary.observesAlike(a, new CompiledModel(variant(SCENARIO, 0.5))))
        .isTrue();
    assertThat(EnsembleSummary.observesAlike(a, longer)).isFalse();
    assertThatThrownBy(
            () -> EnsembleRunner.runParts(List.of(a, longer), new int[] {2, 2}, 1, 1, i -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("laid out differently");
    if (other.cohorts().size() != a.cohorts().size()
        || !other.compartments().equals(a.compartments())) {
      assertThat(EnsembleSummary.observesAlike(a, other)).isFalse();
    }
    assertThatThrownBy(() -> EnsembleRunner.runParts(List.of(a), new int[] {0}, 1, 1, i -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnsembleRunner.runParts(List.of(a), new int[] {1, 1}, 1, 1, i -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void absorbingCombinesAndEmptiesTheOther() {
    CompiledModel a = new CompiledModel(SCENARIO);
    EnsembleSummary combined = EnsembleRunner.run(a, 12, 4, 1, i -> {});
    combined.combine(
        EnsembleRunner.runRange(a, 12, 30, 4, new org.dispersal.engine.CohortEngine(a)));
    EnsembleSummary absorbed = EnsembleRunner.run(a, 12, 4, 1, i -> {});
    EnsembleSummary other =
        EnsembleRunner.runRange(a, 12, 30, 4, new org.dispersal.engine.CohortEngine(a));
    absorbed.absorb(other);
    assertThat(absorbed.toBytes()).isEqualTo(combined.toBytes());
    assertThat(other.replications()).isZero();
    assertThat(other.isPresent(0, 0, 0, 0)).isFalse();
    assertThat(other.toBytes()).isEqualTo(new EnsembleSummary(a).toBytes());
    assertThatThrownBy(() -> absorbed.absorb(absorbed))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
