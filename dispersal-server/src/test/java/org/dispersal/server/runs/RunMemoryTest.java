package org.dispersal.server.runs;

import static org.assertj.core.api.Assertions.assertThat;

import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The run memory estimate (issue #18, finding 2) grows with months as well as replications, and is
 * not below what a summary really takes.
 */
class RunMemoryTest {

  static CompiledModel isis(int months) {
    Scenario s =
        new ScenarioLibrary().parse(ScenarioLibrary.builtIns().get("isis-2017"), "isis-2017");
    return new CompiledModel(s.withMonths(months));
  }

  @Test
  void monthsCountAsMuchAsReplications() {
    long small = RunMemory.ensembleBytes(isis(36), 1000, 2);
    long long240 = RunMemory.ensembleBytes(isis(240), 9000, 2);
    System.out.printf(
        "isis-2017: %d reachable of %d cells a month; 1000x36: %d MiB; 9000x240: %d MiB%n",
        RunMemory.reachablePerMonth(isis(36)),
        RunMemory.slotsPerMonth(isis(36)),
        RunMemory.mib(small),
        RunMemory.mib(long240));
    assertThat(RunMemory.ensembleBytes(isis(240), 1000, 2)).isGreaterThan(5 * small);
    assertThat(long240).isGreaterThan(4L << 30);
    assertThat(small).isLessThan(512L << 20);
  }

  @Test
  void theEstimateIsNotBelowTheHeapASummaryTakes() {
    CompiledModel model = isis(24);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    EnsembleSummary summary = EnsembleRunner.run(model, 200, 7L, 1, done -> {});
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    long used = Math.max(0, after - before);
    long estimate = RunMemory.ensembleBytes(model, 200, 1);
    System.out.printf(
        "24 months x 200: summary %d MiB, estimate %d MiB%n", used >> 20, estimate >> 20);
    assertThat(summary.replications()).isEqualTo(200);
    assertThat(estimate).isGreaterThan(used);
  }
}
