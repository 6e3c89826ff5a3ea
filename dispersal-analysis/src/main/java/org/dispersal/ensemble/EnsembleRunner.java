package org.dispersal.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
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
    return merged(workers.stream().map(Worker::summary).toList(), threads);
  }

  /**
   * Runs several ensembles of models laid out alike as one ensemble, the replications of all the
   * parts into one summary: the parts take disjoint ranges of the ensemble's replications, part p
   * replications {@code runs[0] + ... + runs[p-1]} onwards, each with the streams of (seed, i) and
   * the engine its model asks for, so no two parts share a replication's random numbers (a mixture
   * of hypotheses under common random numbers would otherwise repeat its draws of the stocks). The
   * summary equals the parts' ranges ({@link #runRange}) combined, byte for byte and for any thread
   * count, but it is built in one pool of workers, one summary per worker (not one per part and
   * worker), so memory holds one ensemble's working set whatever the number of parts, and no worker
   * waits at the end of each part.
   *
   * @param models one compiled scenario per part, laid out alike ({@link
   *     EnsembleSummary#observesAlike}); the summary is made for the first
   * @param runs replications per part, non-negative, at least one in all
   * @param seed master seed
   * @param threads worker threads, at least 1
   * @param progress called with the number of finished replications in all (from worker threads)
   * @throws IllegalArgumentException if a model is laid out differently from the first
   */
  public static EnsembleSummary runParts(
      List<CompiledModel> models, int[] runs, long seed, int threads, IntConsumer progress) {
    return runParts(
        models, runs, seed, threads, progress, p -> () -> EngineKind.AUTO.create(models.get(p)));
  }

  /**
   * {@link #runParts(List, int[], long, int, IntConsumer)} with the engines of each part from
   * {@code engines} (for example engines that also record each replication for paired comparisons);
   * each worker asks a part's factory once, when it first runs that part.
   *
   * @param engines the engine factory of part p
   */
  public static EnsembleSummary runParts(
      List<CompiledModel> models,
      int[] runs,
      long seed,
      int threads,
      IntConsumer progress,
      IntFunction<Supplier<? extends ReplicationEngine>> engines) {
    if (models.isEmpty() || models.size() != runs.length || threads < 1) {
      throw new IllegalArgumentException("one replication count per model and a thread needed");
    }
    CompiledModel first = models.get(0);
    int[] start = new int[runs.length + 1];
    for (int p = 0; p < runs.length; p++) {
      if (runs[p] < 0) {
        throw new IllegalArgumentException("negative replications for part " + p);
      }
      if (!EnsembleSummary.observesAlike(first, models.get(p))) {
        throw new IllegalArgumentException(
            "part " + p + " (" + models.get(p).scenario().name() + ") is laid out differently");
      }
      start[p + 1] = Math.addExact(start[p], runs[p]);
    }
    int total = start[runs.length];
    if (total < 1) {
      throw new IllegalArgumentException("runs must be at least 1 in all");
    }
    List<Supplier<? extends ReplicationEngine>> factories = new ArrayList<>();
    for (int p = 0; p < runs.length; p++) {
      factories.add(engines.apply(p));
    }
    AtomicInteger done = new AtomicInteger();
    List<PartWorker> workers =
        Workers.run(
            "dispersal-worker",
            "ensemble",
            total,
            threads,
            () -> new PartWorker(new EnsembleSummary(first)),
            (worker, g) -> {
              int p = worker.part;
              while (g >= start[p + 1]) {
                p++;
              }
              if (p != worker.part || worker.engine == null) {
                // Workers claim indices in increasing order: a part's engine is never needed again.
                worker.part = p;
                worker.engine = factories.get(p).get();
              }
              worker.engine.simulate(seed, g, worker.summary);
              progress.accept(done.incrementAndGet());
            });
    return merged(workers.stream().map(w -> w.summary).toList(), threads);
  }

  /**
   * Merges workers' summaries into the first on the run's threads, releasing each cell of the
   * others as it goes and sorting the merged cells for reading ({@link EnsembleSummary#absorbAll}).
   */
  private static EnsembleSummary merged(List<EnsembleSummary> summaries, int threads) {
    EnsembleSummary total = summaries.get(0);
    total.absorbAll(summaries.subList(1, summaries.size()), threads);
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

  /** One worker of {@link #runParts}: its summary, and the engine of the part it is in. */
  private static final class PartWorker {
    private final EnsembleSummary summary;
    private int part;
    private ReplicationEngine engine;

    PartWorker(EnsembleSummary summary) {
      this.summary = summary;
    }
  }
}
