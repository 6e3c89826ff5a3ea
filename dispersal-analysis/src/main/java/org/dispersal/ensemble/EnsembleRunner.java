package org.dispersal.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.dispersal.engine.CohortEngine;
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
   * Runs {@code runs} replications.
   *
   * @param model the compiled scenario
   * @param runs number of replications
   * @param seed master seed
   * @param threads worker threads, at least 1
   * @param progress called with the number of finished replications (from worker threads)
   */
  public static EnsembleSummary run(
      CompiledModel model, int runs, long seed, int threads, IntConsumer progress) {
    return run(model, runs, seed, threads, progress, () -> new CohortEngine(model));
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
    int workers = Math.min(threads, runs);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "dispersal-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<EnsembleSummary>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(
            pool.submit(
                () -> {
                  ReplicationEngine engine = engines.get();
                  EnsembleSummary summary = new EnsembleSummary(model);
                  for (int i = next.getAndIncrement(); i < runs; i = next.getAndIncrement()) {
                    engine.simulate(seed, i, summary);
                    progress.accept(done.incrementAndGet());
                  }
                  return summary;
                }));
      }
      EnsembleSummary total = futures.get(0).get();
      for (int w = 1; w < futures.size(); w++) {
        total.combine(futures.get(w).get());
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ensemble interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
