package org.dispersal.calibration;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.Realization;

/**
 * A weighted sample of parameter vectors: the result of a calibration, and what {@code forecast
 * --posterior} draws replications' parameters from.
 *
 * <p>A replication picks one particle with probability equal to its weight and takes the values of
 * the named parameters from it; parameters the sample does not name are drawn from their priors, in
 * the model's order, from the same stream.
 *
 * <p>Immutable: the arrays are copied on construction and by their accessors; {@link #size()},
 * {@link #weight(int)} and {@link #value(int, int)} read single entries without copying.
 *
 * @param names the parameter names, one per column
 * @param values values[particle][column]
 * @param weights one weight per particle (normalised on construction)
 */
public record Posterior(List<String> names, double[][] values, double[] weights) {

  /** Validates shapes and normalises the weights. */
  public Posterior {
    names = List.copyOf(names);
    values = deepCopy(values);
    if (values.length == 0 || values.length != weights.length) {
      throw new IllegalArgumentException(
          "a posterior needs at least one particle and one weight each");
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || values[i].length != names.size()) {
        throw new IllegalArgumentException("particle " + (i + 1) + " has a bad weight or width");
      }
      sum += weights[i];
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("posterior weights sum to 0");
    }
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i] / sum;
    }
    weights = w;
  }

  /** The particles' values, values[particle][column] (a copy). */
  @Override
  public double[][] values() {
    return deepCopy(values);
  }

  /** The normalised weights, one per particle (a copy). */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The number of particles. */
  public int size() {
    return weights.length;
  }

  /** The normalised weight of one particle. */
  public double weight(int particle) {
    return weights[particle];
  }

  /** The value of one particle in one column. */
  public double value(int particle, int column) {
    return values[particle][column];
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  /** Builds a posterior from an ABC-SMC result over the named free parameters. */
  public static Posterior of(List<String> names, AbcSmc.Result result) {
    return new Posterior(names, result.particles(), result.weights());
  }

  /**
   * Draws one replication's full parameter vector.
   *
   * @param model the compiled scenario
   * @param rng the replication's parameter stream
   * @return values in the order of {@link CompiledModel#parameterNames()}
   */
  public double[] draw(CompiledModel model, UniformRandomProvider rng) {
    // The parameters the sample does not hold come from their priors, keyed by name as in a
    // forecast (drawn first, from the same stream position), so a posterior forecast pairs with a
    // prior one on everything not calibrated.
    double[] v = Realization.drawValues(model, rng);
    double u = rng.nextDouble();
    int particle = weights.length - 1;
    double c = 0;
    for (int i = 0; i < weights.length; i++) {
      c += weights[i];
      if (u < c) {
        particle = i;
        break;
      }
    }
    int[] column = columns(model);
    for (int i = 0; i < v.length; i++) {
      if (column[i] >= 0) {
        v[i] = values[particle][column[i]];
      }
    }
    return v;
  }

  /**
   * For each model parameter, its column in this sample or -1.
   *
   * @throws IllegalArgumentException if the sample names a parameter the model lacks
   */
  public int[] columns(CompiledModel model) {
    int[] col = new int[model.parameterNames().size()];
    java.util.Arrays.fill(col, -1);
    for (int j = 0; j < names.size(); j++) {
      int i = model.parameterIndex(names.get(j));
      if (i < 0) {
        throw new IllegalArgumentException(
            "the posterior names parameter "
                + names.get(j)
                + ", which scenario "
                + model.scenario().name()
                + " does not have");
      }
      col[i] = j;
    }
    return col;
  }

  /** The weighted quantile of one column. */
  public double quantile(int column, double p) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a][column], values[b][column]));
    double c = 0;
    for (Integer i : order) {
      c += weights[i];
      if (c >= p) {
        return values[i][column];
      }
    }
    return values[order[order.length - 1]][column];
  }
}
