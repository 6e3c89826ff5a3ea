package org.dispersal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble on Spark equals the local runner's, byte for byte and in summary.csv, for one and two
 * cores, for 1, 3 and 7 tasks, and when every task fails on its first attempt and is retried.
 */
@Tag("spark")
class SparkEnsembleTest {

  private static final BuiltInEnsemble JOB = new BuiltInEnsemble("isis-2017", 6);
  private static final int RUNS = 23;
  private static final long SEED = 20170213L;

  @TempDir static Path tmp;

  private static byte[] local;
  private static String localCsv;

  @BeforeAll
  static void runLocally() throws Exception {
    CompiledModel model = JOB.model();
    EnsembleSummary summary = EnsembleRunner.run(model, RUNS, SEED, 2, done -> {});
    local = summary.toBytes();
    localCsv = Hashes.summaryCsv(summary, tmp, "local");
  }

  @Test
  void oneCoreGivesTheLocalSummaryForAnyNumberOfTasks() throws Exception {
    try (SparkCluster spark = new SparkRunner().open("local[1]")) {
      for (int tasks : new int[] {1, 3, 7}) {
        assertEqualsLocal(spark.ensemble(JOB, RUNS, SEED, tasks), "local1-" + tasks);
      }
    }
  }

  @Test
  void twoCoresGiveTheLocalSummaryEvenWhenEveryTaskIsRetried() throws Exception {
    // local[2,4]: two cores, and a task may fail up to 4 times before the job fails.
    try (SparkCluster spark = new SparkRunner().open("local[2,4]")) {
      for (int tasks : new int[] {1, 3, 7}) {
        assertEqualsLocal(spark.ensemble(JOB, RUNS, SEED, tasks), "local2-" + tasks);
      }
      // Every first attempt throws, so this only succeeds through retries.
      EnsembleSummary retried = spark.ensemble(new FailsFirstAttempt(JOB), RUNS, SEED, 7);
      assertEqualsLocal(retried, "retried");
    }
  }

  private static void assertEqualsLocal(EnsembleSummary s, String name) throws Exception {
    assertThat(s.replications()).as(name).isEqualTo(RUNS);
    assertThat(s.toBytes()).as(name).isEqualTo(local);
    assertThat(Hashes.summaryCsv(s, tmp, name)).as(name).isEqualTo(localCsv);
  }
}
