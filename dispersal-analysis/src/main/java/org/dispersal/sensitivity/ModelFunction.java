package org.dispersal.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dispersal.agent.EngineKind;
import org.dispersal.calibration.PriorMath;
import org.dispersal.calibration.Target;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.Workers;
import org.dispersal.model.Parameter;
import org.dispersal.model.Prior;

/**
 * The model as a deterministic function of its free parameters, for sensitivity analysis: a point u
 * of the unit hypercube is mapped through each prior's quantile function to parameter values, and
 * the output is the mean of a target over R replications.
 *
 * <p>Common random numbers: replication r at every design point uses the same streams (seed, r,
 * purpose) for driver events, initial stocks and dynamics, so differences between design points
 * come from the parameters, not from the noise (SSJ's substreams; L'Ecuyer, Oper. Res. 2002).
 * Parameters outside the analysed set stay at their prior's central value. Points are evaluated in
 * parallel; the result does not depend on the number of threads.
 */
public final class ModelFunction implements Function<double[][], double[]> {

  private final CompiledModel model;
  private final List<String> names;
  private final List<Prior> priors;
  private final int[] index;
  private final double[] base;
  private final Target target;
  private final int replications;
  private final long seed;
  private final int threads;

  /**
   * Creates the function.
   *
   * @param model the compiled scenario (cut to the target's month for speed by the caller)
   * @param names the parameters that vary, one per coordinate
   * @param target the output
   * @param replications R, replications averaged per point
   * @param seed master seed of the common random numbers
   * @param threads worker threads
   */
  public ModelFunction(
      CompiledModel model,
      List<String> names,
      Target target,
      int replications,
      long seed,
      int threads) {
    this.model = model;
    this.names = List.copyOf(names);
    this.target = target;
    this.replications = replications;
    this.seed = seed;
    this.threads = threads;
    priors = new ArrayList<>();
    index = new int[names.size()];
    for (int j = 0; j < names.size(); j++) {
      priors.add(model.scenario().parameters().get(names.get(j)).prior());
      index[j] = model.parameterIndex(names.get(j));
    }
    base = new double[model.parameterNames().size()];
    int i = 0;
    for (Parameter p : model.scenario().parameters().values()) {
      base[i++] = p.prior().central();
    }
  }

  /** The varied parameters. */
  public List<String> names() {
    return names;
  }

  @Override
  public double[] apply(double[][] points) {
    double[] y = new double[points.length];
    Workers.run(
        "dispersal-sensitivity",
        "sensitivity",
        points.length,
        threads,
        () -> new Worker(EngineKind.AUTO.create(model), new Target.Recorder(List.of(target))),
        (worker, p) -> {
          double[] v = base.clone();
          for (int j = 0; j < index.length; j++) {
            v[index[j]] = PriorMath.quantile(priors.get(j), points[p][j]);
          }
          double sum = 0;
          for (int r = 0; r < replications; r++) {
            worker.engine().simulate(model.replication(seed, r, v), seed, r, worker.recorder());
            sum += worker.recorder().values()[0];
          }
          y[p] = sum / replications;
        });
    return y;
  }

  /** One worker's engine and target recorder. */
  private record Worker(ReplicationEngine engine, Target.Recorder recorder) {}
}
