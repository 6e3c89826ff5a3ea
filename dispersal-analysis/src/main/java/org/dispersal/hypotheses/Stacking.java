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
 *
 * <p><b>Regularised stacking.</b> With few figures the maximum often lies on a corner of the
 * simplex (all weight on one hypothesis), which leaves nothing for later evidence to move. {@link
 * #fit(double[][], double[], double)} adds a Dirichlet prior centred on the prior weights π with
 * the strength of {@code a} figures, and maximises Σ<sub>i</sub> ln Σ<sub>k</sub> w<sub>k</sub>
 * p<sub>ik</sub> + a Σ<sub>k</sub> π<sub>k</sub> ln w<sub>k</sub>; its EM update is w<sub>k</sub> ←
 * (Σ<sub>i</sub> r<sub>ik</sub> + a π<sub>k</sub>) / (n + a), with r the responsibilities above,
 * and it too never decreases its objective. {@link #PRIOR_STRENGTH} is the strength the product
 * uses (docs/VALIDATION.md).
 */
public final class Stacking {

  /** Iterations the optimiser may take at most. */
  public static final int MAX_ITERATIONS = 100_000;

  /**
   * The optimiser stops when one update raises the objective, per figure, by less than this (and no
   * weight moves by more than it).
   */
  public static final double TOLERANCE = 1e-12;

  /**
   * The strength of the prior weights in regularised stacking, in figures: a named assumption (no
   * source gives it), range 0 (plain stacking) to 50. At 10 the prior weights count as ten scored
   * figures, so a hypothesis keeps at least 10π<sub>k</sub>/(n + 10) of the weight after n figures.
   */
  public static final double PRIOR_STRENGTH = 10;

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
    return fit(logP, start, 0);
  }

  /**
   * Fits the weights with a Dirichlet prior centred on the start weights (see the class comment).
   *
   * @param logP as for {@link #fit(double[][], double[])}
   * @param prior the prior weights π, all positive when {@code strength} is positive (normalised
   *     here); also the optimiser's start
   * @param strength a ≥ 0, the prior's weight in figures; 0 is plain stacking
   * @return the weights maximising the regularised log score of the mixture
   */
  public static Weights fit(double[][] logP, double[] prior, double strength) {
    if (!(strength >= 0) || !Double.isFinite(strength)) {
      throw new IllegalArgumentException("prior strength must be finite and >= 0, not " + strength);
    }
    double[] start = prior;
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
    double[] pi = w.clone();
    if (strength > 0) {
      for (double v : pi) {
        if (!(v > 0)) {
          throw new IllegalArgumentException("regularised stacking needs positive prior weights");
        }
      }
    }
    double previous = objective(p, w, pi, strength);
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
        next[j] = (next[j] + strength * pi[j]) / (n + strength);
        moved = Math.max(moved, Math.abs(next[j] - w[j]));
      }
      w = normalised(next);
      iterations++;
      double value = objective(p, w, pi, strength);
      boolean flat = (value - previous) / n < TOLERANCE;
      previous = value;
      if (flat && moved < TOLERANCE) {
        break;
      }
    }
    return new Weights(w, objective(p, w) + shift, iterations, n);
  }

  /** The regularised objective: the log score plus a Σ π ln w. */
  static double objective(double[][] p, double[] w, double[] pi, double strength) {
    double value = objective(p, w);
    if (strength > 0) {
      for (int j = 0; j < w.length; j++) {
        value += strength * pi[j] * Math.log(w[j]);
      }
    }
    return value;
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
