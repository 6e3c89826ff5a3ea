package org.dispersal.analyst;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.PathwayReplication;
import org.dispersal.engine.Realization;
import org.dispersal.ensemble.Workers;

/**
 * Runs replications with the engine the scenario asks for ({@link EngineKind#AUTO}) and keeps one
 * measurement per replication.
 *
 * <p>Replication i uses the streams of (seed, i) exactly as {@link
 * org.dispersal.ensemble.EnsembleRunner} does, so the same seed gives the same replications as
 * {@code dispersal forecast} and, for two scenarios, common random numbers. Results are stored by
 * replication index, so they do not depend on the number of threads. Memory grows with the number
 * of replications times the size of one measurement; the analyst tools keep measurements small.
 */
public final class PerReplication {

  private PerReplication() {}

  /**
   * Runs {@code runs} replications.
   *
   * @param model the compiled scenario
   * @param runs number of replications, at least 1
   * @param seed master seed
   * @param threads worker threads, at least 1
   * @param probes makes the probe of one replication from the model and the replication's
   *     realization (parameter values and driver paths)
   * @return the measurements, index i for replication i
   * @param <R> the measurement type
   */
  public static <R> List<R> run(
      CompiledModel model,
      int runs,
      long seed,
      int threads,
      BiFunction<CompiledModel, Realization, ReplicationProbe<R>> probes) {
    return run(model, runs, seed, threads, probes, done -> {});
  }

  /**
   * Runs {@code runs} replications and tells {@code progress} how many have finished after each.
   *
   * @param progress called with the number of finished replications (from worker threads); an
   *     exception it throws stops the workers and reaches the caller
   * @see #run(CompiledModel, int, long, int, BiFunction)
   */
  public static <R> List<R> run(
      CompiledModel model,
      int runs,
      long seed,
      int threads,
      BiFunction<CompiledModel, Realization, ReplicationProbe<R>> probes,
      IntConsumer progress) {
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException("runs and threads must be at least 1");
    }
    Object[] results = new Object[runs];
    AtomicInteger done = new AtomicInteger();
    Workers.run(
        "dispersal-analyst",
        "replications",
        runs,
        threads,
        () -> EngineKind.AUTO.create(model),
        (engine, i) -> {
          PathwayReplication rep = model.replication(seed, i);
          ReplicationProbe<R> probe = probes.apply(model, rep.realization());
          engine.simulate(rep, seed, i, probe);
          results[i] = probe.result();
          progress.accept(done.incrementAndGet());
        });
    List<R> out = new ArrayList<>(runs);
    for (Object o : results) {
      @SuppressWarnings("unchecked")
      R r = (R) o;
      out.add(r);
    }
    return out;
  }
}
