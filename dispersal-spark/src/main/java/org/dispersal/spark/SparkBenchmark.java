package org.dispersal.spark;

import java.util.Locale;
import java.util.function.Supplier;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;

/**
 * Prints what Spark costs and gains on one machine: the same ensemble with the local runner and on
 * Spark local[1] and local[2], and the overhead of one task. Times are wall-clock medians of a few
 * repetitions after a warm-up; every run's summary is checked against the local one.
 *
 * <p>Usage: {@code java -cp JOB_JAR:SPARK_CLASSPATH org.dispersal.spark.SparkBenchmark [RUNS
 * [MONTHS]]} (docs/PERFORMANCE.md has the exact command).
 */
public final class SparkBenchmark {

  private static final long SEED = 20170213L;
  private static final int REPEATS = 3;

  private SparkBenchmark() {}

  /** Runs the benchmark and prints one line per figure. */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int months = args.length > 1 ? Integer.parseInt(args[1]) : 36;
    BuiltInEnsemble job = new BuiltInEnsemble("isis-2017", months);
    CompiledModel model = job.model();
    System.out.printf(
        Locale.ROOT,
        "ensemble: isis-2017, %d replications, %d months, cohort engine, %d cores%n",
        runs,
        months,
        Runtime.getRuntime().availableProcessors());
    byte[] reference = EnsembleRunner.run(model, runs, SEED, 2, d -> {}).toBytes();
    for (int threads : new int[] {1, 2}) {
      double s = median(() -> EnsembleRunner.run(model, runs, SEED, threads, d -> {}), REPEATS);
      print("local runner, " + threads + " thread(s)", s, runs);
    }
    // What each task adds besides its replications: encoding its summary, and one merge.
    EnsembleSummary part = EnsembleRunner.run(model, Math.max(1, runs / 8), SEED, 1, d -> {});
    byte[][] encoded = new byte[1][];
    double encode = median(() -> encoded[0] = part.toBytes(), 5);
    double merge = median(() -> EnsembleSummary.mergeBytes(encoded[0], encoded[0]), 5);
    double decode = median(() -> EnsembleSummary.fromBytes(model, encoded[0]), 5);
    System.out.printf(
        Locale.ROOT,
        "%-44s %8.1f ms encode, %.1f ms merge, %.1f ms decode, %.2f MB (%d replications)%n",
        "summary bytes of one task",
        1000 * encode,
        1000 * merge,
        1000 * decode,
        encoded[0].length / 1e6,
        part.replications());
    for (String master : new String[] {"local[1]", "local[2]"}) {
      try (SparkCluster spark = new SparkRunner().open(master)) {
        int tasks = spark.defaultTasks();
        double s =
            median(() -> checked(spark.ensemble(job, runs, SEED, tasks), reference), REPEATS);
        print("Spark " + master + ", " + tasks + " tasks", s, runs);
        if (master.equals("local[2]")) {
          // Same work in 2 and in 2 + extra tasks: the difference is what the extra tasks cost.
          int extra = Math.max(8, runs / 2 - 2);
          double few =
              median(() -> checked(spark.ensemble(job, runs, SEED, 2), reference), REPEATS);
          double many =
              median(() -> checked(spark.ensemble(job, runs, SEED, 2 + extra), reference), REPEATS);
          System.out.printf(
              Locale.ROOT,
              "%-44s %8.1f ms per task (%d vs %d tasks: %.2f s vs %.2f s)%n",
              "Spark local[2], overhead",
              1000 * (many - few) / extra,
              2 + extra,
              2,
              many,
              few);
        }
      }
    }
  }

  private static EnsembleSummary checked(EnsembleSummary s, byte[] reference) {
    if (!java.util.Arrays.equals(s.toBytes(), reference)) {
      throw new IllegalStateException("Spark gave a different summary from the local runner");
    }
    return s;
  }

  /** The median wall time in seconds of {@code repeats} runs after one warm-up run. */
  private static double median(Supplier<?> run, int repeats) {
    run.get();
    double[] t = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      run.get();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    java.util.Arrays.sort(t);
    return t[repeats / 2];
  }

  private static void print(String what, double seconds, int runs) {
    System.out.printf(
        Locale.ROOT, "%-44s %8.2f s  %8.1f replications/s%n", what, seconds, runs / seconds);
  }
}
