package org.dispersal.cli;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.dispersal.calibration.Posterior;

/**
 * A posterior sample as it travels to Spark workers ({@code forecast --posterior FILE --spark}):
 * its parameter names, particles and weights, read once on the driver. Equal by content, so workers
 * that cache what a job builds by the job's equality find it again.
 *
 * @param names the parameters, in the sample's column order
 * @param values values[particle][column]
 * @param weights each particle's weight
 */
record PosteriorSample(List<String> names, double[][] values, double[] weights)
    implements Serializable {

  PosteriorSample {
    names = List.copyOf(names);
    values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    weights = weights.clone();
  }

  /** The sample of a posterior, or null for none. */
  static PosteriorSample of(Posterior p) {
    return p == null ? null : new PosteriorSample(p.names(), p.values(), p.weights());
  }

  /** The posterior this sample carries. */
  Posterior posterior() {
    return new Posterior(names, values, weights);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PosteriorSample p
        && names.equals(p.names)
        && Arrays.deepEquals(values, p.values)
        && Arrays.equals(weights, p.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * names.hashCode() + Arrays.deepHashCode(values)) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "PosteriorSample[" + values.length + " particles of " + names + "]";
  }
}
