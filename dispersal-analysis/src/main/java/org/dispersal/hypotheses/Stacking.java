package org.dispersal.hypotheses;

/**
 * Stacking of predictive distributions (Yao, Vehtari, Simpson and Gelman, Bayesian Analysis 13,
 * 2018): the weights w on the simplex that maximise the log score of the mixture on figures the
 * hypotheses forecast before they were known,
 *
 * <pre>
 *   max_w Σ_i ln Σ_k w_k p_k(y_i),   w_k ≥ 0, Σ_k w_k = 1,
 * </pre>
 *
 * where p<sub>k</sub>(y<sub>i</sub>) is hypothesis k's predictive probability of figure i. The
 * objective is concave, and the EM (multiplicative) update w<sub>k</sub> ← (1/n) Σ<sub>i</sub>
 * w<sub>k</sub> p<sub>ik</sub> / Σ<sub>j</sub> w<sub>j</sub> p<sub>ij</sub> (the mixture-weight
 * step of EM with the components fixed) never decreases it and converges to its maximum from any
 * start inside the simplex. Probabilities are given on the log scale; each figure's row is shifted
 * by its largest entry, which changes the objective by a constant only, so no probability
 * underflows.
 */
public final class Stacking {

  /** Iterations the optimiser may take at most. */
  public static final int MAX_ITERATIONS = 100_000;

  /**
   * The optimiser stops when one update raises the objective, per figure, by less than this (and no
   * weight moves by more than it).
   */
  public static final double TOLERANCE = 1e-12;

  private Stacking() {}

  /**
   * The stacked weights and how they were found.
   *
   * @param weights on the simplex, in hypothesis order
   * @param objective Σ<sub>i</sub> ln Σ<sub>k</sub> w<sub>k</sub> p<sub>ik</sub> at the weights
   * @param iterations EM updates taken
   * @param figures figures the weights were fitted on
   */
  public record Weights(double[] weights, double objective, int iterations, int figures) {
    /** Copies the weights. */
    public Weights {
      weights = weights.clone();
    }

    /** The weights (a copy). */
    @Override
    public double[] weights() {
      return weights.clone();
    }
  }

  /**
   * Fits the weights.
   *
   * @param logP ln p<sub>k</sub>(y<sub>i</sub>): one row per figure, one column per hypothesis, at
   *     least one row; entries may be −∞ (the figure is impossible under the hypothesis) but not
   *     NaN, and no row may be −∞ throughout
   * @param start the starting weights, all positive (normalised here)
   * @return the weights maximising the log score of the mixture
   */
  public static Weights fit(double[][] logP, double[] start) {
    int n = logP.length;
    int k = start.length;
    if (n == 0) {
      throw new IllegalArgumentException("stacking needs at least one figure");
    }
    double[][] p = new double[n][k];
    double shift = 0;
    for (int i = 0; i < n; i++) {
      if (logP[i].length != k) {
        throw new IllegalArgumentException(
            "figure " + i + " has " + logP[i].length + " densities for " + k + " hypotheses");
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double v : logP[i]) {
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("log densities must be finite or -inf, not " + v);
        }
        max = Math.max(max, v);
      }
      if (max == Double.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException("figure " + i + " is impossible under every hypothesis");
      }
      shift += max;
      for (int j = 0; j < k; j++) {
        p[i][j] = Math.exp(logP[i][j] - max);
      }
    }
    double[] w = normalised(start);
    double previous = objective(p, w);
    int iterations = 0;
    while (iterations < MAX_ITERATIONS) {
      double[] next = new double[k];
      for (int i = 0; i < n; i++) {
        double mix = 0;
        for (int j = 0; j < k; j++) {
          mix += w[j] * p[i][j];
        }
        for (int j = 0; j < k; j++) {
          next[j] += w[j] * p[i][j] / mix;
        }
      }
      double moved = 0;
      for (int j = 0; j < k; j++) {
        next[j] /= n;
        moved = Math.max(moved, Math.abs(next[j] - w[j]));
      }
      w = normalised(next);
      iterations++;
      double value = objective(p, w);
      boolean flat = (value - previous) / n < TOLERANCE;
      previous = value;
      if (flat && moved < TOLERANCE) {
        break;
      }
    }
    return new Weights(w, previous + shift, iterations, n);
  }

  /** Σ ln Σ w p over the (shifted) rows. */
  static double objective(double[][] p, double[] w) {
    double sum = 0;
    for (double[] row : p) {
      double mix = 0;
      for (int j = 0; j < w.length; j++) {
        mix += w[j] * row[j];
      }
      sum += Math.log(mix);
    }
    return sum;
  }

  private static double[] normalised(double[] w) {
    double total = 0;
    for (double v : w) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("weights must be finite and non-negative, not " + v);
      }
      total += v;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    double[] out = new double[w.length];
    for (int j = 0; j < w.length; j++) {
      out[j] = w[j] / total;
    }
    return out;
  }
}
