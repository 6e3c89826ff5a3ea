package org.dispersal.ensemble;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;

/**
 * Runs an ensemble of replications in parallel and merges their summaries.
 *
 * <p>Replication i always uses the streams of (seed, i), whichever thread runs it, and summaries
 * merge exactly, so the result is bit-identical for any number of threads.
 */
public final class EnsembleRunner {

  private EnsembleRunner() {}

  /**
   * Runs {@code runs} replications with the engine the scenario asks for ({@link EngineKind#AUTO}:
   * the per-agent engine if it has agent-only features, else the cohort engine).
   *
   * @param model the compiled scenario
   * @param runs number of replications
   * @param seed master seed
   * @param threads worker threads, at least 1
   * @param progress called with the number of finished replications (from worker threads)
   */
  public static EnsembleSummary run(
      CompiledModel model, int runs, long seed, int threads, IntConsumer progress) {
    return run(model, runs, seed, threads, progress, () -> EngineKind.AUTO.create(model));
  }

  /**
   * Runs {@code runs} replications with engines from a factory (one engine per worker), for example
   * the per-agent engine; every engine must give the same numbers on any thread.
   *
   * @param model the compiled scenario
   * @param runs number of replications
   * @param seed master seed
   * @param threads worker threads, at least 1
   * @param progress called with the number of finished replications (from worker threads)
   * @param engines makes one engine for each worker
   */
  public static EnsembleSummary run(
      CompiledModel model,
      int runs,
      long seed,
      int threads,
      IntConsumer progress,
      Supplier<? extends ReplicationEngine> engines) {
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException("runs and threads must be at least 1");
    }
    AtomicInteger done = new AtomicInteger();
    List<Worker> workers =
        Workers.run(
            "dispersal-worker",
            "ensemble",
            runs,
            threads,
            () -> new Worker(engines.get(), new EnsembleSummary(model)),
            (worker, i) -> {
              worker.engine().simulate(seed, i, worker.summary());
              progress.accept(done.incrementAndGet());
            });
    EnsembleSummary total = workers.get(0).summary();
    for (int w = 1; w < workers.size(); w++) {
      total.combine(workers.get(w).summary());
    }
    return total;
  }

  /**
   * Runs replications {@code from} to {@code to - 1} one after another on the calling thread: one
   * task's share of an ensemble split by replication index (see {@link DistributedRunner}). Merging
   * the summaries of ranges that cover 0 to runs - 1 gives the summary of {@link #run}.
   *
   * @param model the compiled scenario
   * @param from first replication
   * @param to one past the last replication
   * @param seed master seed
   * @param engine the engine, used by this thread only
   */
  public static EnsembleSummary runRange(
      CompiledModel model, int from, int to, long seed, ReplicationEngine engine) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad replication range " + from + " to " + to);
    }
    EnsembleSummary summary = new EnsembleSummary(model);
    for (int i = from; i < to; i++) {
      engine.simulate(seed, i, summary);
    }
    return summary;
  }

  /** One worker's engine and the summary of the replications it ran. */
  private record Worker(ReplicationEngine engine, EnsembleSummary summary) {}
}
