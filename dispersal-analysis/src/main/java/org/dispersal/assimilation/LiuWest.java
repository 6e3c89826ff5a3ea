package org.dispersal.assimilation;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dispersal.model.Prior;
import org.dispersal.random.RandomStreams;

/**
 * The Liu-West move of a particle filter's static parameters (Liu and West 2001, "Combined
 * parameter and state estimation in simulation-based filtering", kernel shrinkage): at each
 * resampling step, the copy in slot s of parent j gets
 *
 * <pre>
 *   θ_s' = a θ_j + (1 − a) θ̄ + N(0, h² V),   a = √(1 − h²),   h² = 1 − ((3δ − 1) / (2δ))²
 * </pre>
 *
 * where θ̄ and V are the weighted mean and variance of the particles' parameters before resampling,
 * under the step's weights. V is the <b>diagonal</b> of the weighted covariance: each parameter
 * moves on its own, which keeps each parameter's weighted mean and variance exactly (a²V + h²V = V)
 * and shrinks the correlations between parameters by the factor a² = 1 − h² per step (0.98 at δ =
 * 0.98); the full covariance would need a Cholesky factor of a 60 × 60 matrix estimated from as few
 * distinct particles as a step keeps, often singular.
 *
 * <p>The move is made on a scale where each parameter's support is unbounded: every prior of the
 * model is bounded (uniform, triangular, log-uniform; fixed ones do not move), so a value x is
 * moved as z = logit((g(x) − g(low)) / (g(high) − g(low))) through its prior's own bounds, with g
 * the logarithm for a log-uniform prior and the identity otherwise; a moved z maps back inside the
 * bounds. A share in (0, 1) with a U(0, 1) prior is therefore moved on its logit, a positive rate
 * with a log-uniform prior on the logit of its logarithm's position.
 *
 * <p>The discount δ is a named parameter ({@link #DEFAULT_DISCOUNT}); δ = 1 gives h = 0 (no move).
 * The normal draws come from {@link RandomStreams#parameterMove}(seed, step, slot), one stream per
 * slot, so a move does not depend on threads or executors.
 */
public final class LiuWest {

  /**
   * The discount δ used unless told otherwise: 0.98, the usual choice of Liu and West (2001) and of
   * the literature since (an assumption, range 0.95 to 0.99; smaller δ moves more).
   */
  public static final double DEFAULT_DISCOUNT = 0.98;

  /** Where a value's position within its bounds is clamped, so that its logit stays finite. */
  static final double EDGE = 1e-12;

  /** No move: the monthly filter keeps each particle's static parameters (its root's). */
  public static final LiuWest OFF = new LiuWest(1);

  private final double discount;
  private final double shrinkage;
  private final double bandwidth;

  private LiuWest(double discount) {
    this.discount = discount;
    double a = (3 * discount - 1) / (2 * discount);
    this.shrinkage = a;
    this.bandwidth = Math.sqrt(Math.max(0, 1 - a * a));
  }

  /**
   * The move of discount δ.
   *
   * @param discount δ, in (1/3, 1]
   * @throws IllegalArgumentException naming the possible values
   */
  public static LiuWest of(double discount) {
    if (!(discount > 1.0 / 3 && discount <= 1)) {
      throw new IllegalArgumentException(
          "'"
              + format(discount)
              + "' is not a discount: it must be above 1/3 and at most 1 (usually 0.95 to 0.99;"
              + " default "
              + DEFAULT_DISCOUNT
              + ")");
    }
    return new LiuWest(discount);
  }

  private static String format(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%s", x) : String.valueOf(x);
  }

  /** δ. */
  public double discount() {
    return discount;
  }

  /** a = (3δ − 1) / (2δ) = √(1 − h²). */
  public double shrinkage() {
    return shrinkage;
  }

  /** h² = 1 − a². */
  public double bandwidthSquared() {
    return bandwidth * bandwidth;
  }

  /**
   * The scale the parameters move on: for each parameter of the model (in the order of the value
   * arrays), whether it moves, and its prior's bounds.
   *
   * @param moves whether each parameter moves (false for a fixed or degenerate prior)
   * @param low each prior's lower bound (on the log scale for a log-uniform prior)
   * @param high each prior's upper bound (same scale)
   * @param log whether each parameter moves on the logarithm's scale
   */
  public record Space(boolean[] moves, double[] low, double[] high, boolean[] log) {

    /** Copies the arrays. */
    public Space {
      moves = moves.clone();
      low = low.clone();
      high = high.clone();
      log = log.clone();
    }

    /**
     * The space of the given priors.
     *
     * @param priors each parameter's prior, in the order of the value arrays
     */
    public static Space of(List<Prior> priors) {
      int n = priors.size();
      boolean[] moves = new boolean[n];
      double[] low = new double[n];
      double[] high = new double[n];
      boolean[] log = new boolean[n];
      for (int i = 0; i < n; i++) {
        Prior p = priors.get(i);
        log[i] = p instanceof Prior.LogUniform;
        low[i] = log[i] ? Math.log(p.low()) : p.low();
        high[i] = log[i] ? Math.log(p.high()) : p.high();
        moves[i] = !(p instanceof Prior.Fixed) && high[i] > low[i];
      }
      return new Space(moves, low, high, log);
    }

    /** How many parameters move. */
    public int moving() {
      int k = 0;
      for (boolean m : moves) {
        k += m ? 1 : 0;
      }
      return k;
    }

    /** The unbounded value of parameter i's value x: the logit of its position in the bounds. */
    public double free(int i, double x) {
      double g = log[i] ? Math.log(x) : x;
      double u = (g - low[i]) / (high[i] - low[i]);
      u = Math.min(1 - EDGE, Math.max(EDGE, u));
      return Math.log(u / (1 - u));
    }

    /**
     * Parameter i's value of an unbounded value z (the inverse of {@link #free}), in the bounds.
     */
    public double bounded(int i, double z) {
      double u = 1 / (1 + Math.exp(-z));
      double g = low[i] + u * (high[i] - low[i]);
      g = Math.min(high[i], Math.max(low[i], g));
      double x = log[i] ? Math.exp(g) : g;
      return log[i] ? Math.min(Math.exp(high[i]), Math.max(Math.exp(low[i]), x)) : x;
    }
  }

  /**
   * What the filter needs to move the parameters.
   *
   * @param kernel the move
   * @param space the scale of each parameter
   * @param rootValues each replication's own parameter values (its draw from the priors or the
   *     posterior sample), in the order of the space; must depend only on the replication
   */
  public record Mover(LiuWest kernel, Space space, IntFunction<double[]> rootValues) {}

  /**
   * Moves the parameters of the resampled particles.
   *
   * @param values each particle's parameter values before resampling
   * @param weights the step's normalised weights (they add up to 1)
   * @param parent each new slot's parent particle
   * @param space the scale of each parameter
   * @param seed the master seed
   * @param step the filter's step (0, 1, ...)
   * @return each slot's new values (a new array per slot)
   */
  public double[][] move(
      double[][] values, double[] weights, int[] parent, Space space, long seed, int step) {
    int n = values.length;
    int dims = space.moves().length;
    boolean[] moves = space.moves();
    double[][] z = new double[n][dims];
    double[] mean = new double[dims];
    for (int j = 0; j < n; j++) {
      if (values[j].length != dims) {
        throw new IllegalArgumentException("particle " + j + " has the wrong number of values");
      }
      for (int d = 0; d < dims; d++) {
        if (moves[d]) {
          z[j][d] = space.free(d, values[j][d]);
          mean[d] += weights[j] * z[j][d];
        }
      }
    }
    double[] sd = new double[dims];
    for (int d = 0; d < dims; d++) {
      if (!moves[d]) {
        continue;
      }
      double v = 0;
      for (int j = 0; j < n; j++) {
        double e = z[j][d] - mean[d];
        v += weights[j] * e * e;
      }
      sd[d] = bandwidth * Math.sqrt(v);
    }
    double[][] out = new double[parent.length][];
    for (int s = 0; s < parent.length; s++) {
      int j = parent[s];
      double[] next = values[j].clone();
      UniformRandomProvider rng = RandomStreams.parameterMove(seed, step, s);
      NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
      for (int d = 0; d < dims; d++) {
        if (moves[d]) {
          double moved = shrinkage * z[j][d] + (1 - shrinkage) * mean[d] + sd[d] * gauss.sample();
          next[d] = space.bounded(d, moved);
        }
      }
      out[s] = next;
    }
    return out;
  }

  /** Whether this is {@link #OFF}. */
  public boolean off() {
    return this == OFF;
  }

  /** The settings in words, for the manifest. */
  public String describe() {
    if (off()) {
      return "off: each particle keeps its replication's static parameters";
    }
    return String.format(
        Locale.ROOT,
        "Liu-West kernel shrinkage (Liu and West 2001): discount %s, a = %.6f, h^2 = %.6f; diagonal"
            + " of the weighted covariance; moved on the logit of each value's position in its"
            + " prior's bounds (of its logarithm for a log-uniform prior)",
        discount,
        shrinkage,
        bandwidthSquared());
  }
}
