package org.dispersal.calibration;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.PathwayReplication;
import org.dispersal.engine.Realization;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Workers;
import org.dispersal.random.RandomStreams;
import org.dispersal.random.RandomStreams.Purpose;

/**
 * An ensemble whose replications draw their parameter vectors from a {@link Posterior} (or from the
 * priors when there is none), collecting an {@link EnsembleSummary} and, for chosen targets, every
 * replication's value (for CRPS and the other sample scores) and its month-0 value (for the
 * persistence baseline).
 *
 * <p>Replications run on the engine the scenario asks for ({@link EngineKind#AUTO}). Replication i
 * uses the streams (seed, i, purpose) exactly as {@code EnsembleRunner} does, and without a
 * posterior draws each parameter from its prior in model order from the parameter stream, so it
 * reproduces the ordinary forecast bit for bit. Results do not depend on the thread count.
 */
public final class PosteriorEnsemble {

  private PosteriorEnsemble() {}

  /**
   * The result.
   *
   * @param summary the ensemble summary, or null if not requested
   * @param samples samples[target][replication] at each target's month
   * @param start start[target][replication], the month-0 value of each target's cells
   */
  public record Result(EnsembleSummary summary, double[][] samples, double[][] start) {
    /** Copies the arrays, so the value cannot change after it is made. */
    public Result {
      samples = Arrays.stream(samples).map(double[]::clone).toArray(double[][]::new);
      start = Arrays.stream(start).map(double[]::clone).toArray(double[][]::new);
    }

    /** samples[target][replication] (a copy). */
    @Override
    public double[][] samples() {
      return Arrays.stream(samples).map(double[]::clone).toArray(double[][]::new);
    }

    /** start[target][replication] (a copy). */
    @Override
    public double[][] start() {
      return Arrays.stream(start).map(double[]::clone).toArray(double[][]::new);
    }
  }

  /**
   * Runs the ensemble.
   *
   * @param model the compiled scenario
   * @param posterior the posterior sample, or null for the priors
   * @param runs replications
   * @param seed master seed
   * @param threads worker threads
   * @param targets figures whose per-replication values to keep (may be empty)
   * @param withSummary whether to build the full summary
   * @param progress called with the number of finished replications
   */
  public static Result run(
      CompiledModel model,
      Posterior posterior,
      int runs,
      long seed,
      int threads,
      List<Target> targets,
      boolean withSummary,
      IntConsumer progress) {
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException("runs and threads must be at least 1");
    }
    if (posterior != null) {
      posterior.columns(model);
    }
    double[][] samples = new double[targets.size()][runs];
    double[][] start = new double[targets.size()][runs];
    AtomicInteger done = new AtomicInteger();
    List<Worker> workers =
        Workers.run(
            "dispersal-posterior",
            "ensemble",
            runs,
            threads,
            () ->
                new Worker(
                    EngineKind.AUTO.create(model),
                    withSummary ? new EnsembleSummary(model) : null,
                    new Target.Recorder(targets)),
            (worker, i) -> {
              EnsembleSummary summary = worker.summary();
              Target.Recorder recorder = worker.recorder();
              worker
                  .engine()
                  .simulate(
                      inputs(model, posterior, seed, i),
                      seed,
                      i,
                      (month, stocks) -> {
                        if (summary != null) {
                          summary.observe(month, stocks);
                        }
                        recorder.observe(month, stocks);
                      });
              for (int t = 0; t < samples.length; t++) {
                samples[t][i] = recorder.values()[t];
                start[t][i] = recorder.startValues()[t];
              }
              progress.accept(done.incrementAndGet());
            });
    EnsembleSummary total = null;
    for (Worker worker : workers) {
      EnsembleSummary s = worker.summary();
      if (total == null) {
        total = s;
      } else if (s != null) {
        total.combine(s);
      }
    }
    return new Result(total, samples, start);
  }

  /**
   * Replication {@code replication}'s inputs: its parameters drawn from the posterior sample (or
   * from the priors when it is null) on the PARAMETERS stream of (seed, replication), the rest of
   * its inputs from their own streams. The Spark job of {@code forecast --posterior} draws through
   * this too, so both give the same bytes.
   *
   * @param model the compiled scenario
   * @param posterior the posterior sample, or null for the priors
   * @param seed master seed
   * @param replication the replication's index
   * @return the replication's inputs
   */
  public static PathwayReplication inputs(
      CompiledModel model, Posterior posterior, long seed, long replication) {
    var params = RandomStreams.stream(seed, replication, Purpose.PARAMETERS);
    double[] v =
        posterior != null ? posterior.draw(model, params) : Realization.drawValues(model, params);
    return model.replication(seed, replication, v);
  }

  /** One worker's engine, summary (null if not requested) and target recorder. */
  private record Worker(
      ReplicationEngine engine, EnsembleSummary summary, Target.Recorder recorder) {}
}
