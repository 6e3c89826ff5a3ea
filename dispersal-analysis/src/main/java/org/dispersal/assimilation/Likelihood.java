package org.dispersal.assimilation;

import org.dispersal.reporting.ReportingModel;
import org.dispersal.reporting.SourceType;
import org.dispersal.stats.Normal;

/**
 * The reporting model's likelihood of a published figure: the probability that a source of a given
 * type publishes a number in {@code [low, high]} when the model's count is x.
 *
 * <p>{@link ReportingModel#publish} makes Y = max(0, rint((x + 1) exp(b + e) − 1)) with e from the
 * mixture (1 − ε) N(0, σ²) + ε N(0, σ_g²). So Y ≥ low (low ≥ 1) exactly when e ≥ ln((low + ½) / (x
 * + 1)) − b, and Y ≤ high exactly when e &lt; ln((high + 1½) / (x + 1)) − b, and the probability of
 * the range is the mixture's mass between those two bounds. A point figure is the range [y, y]; a
 * published range is interval-censored; "more than low" (no high) is right-censored; "up to high"
 * (no low) starts at 0. Tails are computed on the log scale, so a figure far from a replication's
 * count gives a very negative but finite log likelihood rather than minus infinity.
 */
public final class Likelihood {

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** Below this standard normal tail probability the asymptotic series replaces erfc. */
  private static final double TAIL_FLOOR = 1e-300;

  private Likelihood() {}

  /**
   * The log probability that a source of {@code type} publishes a figure in {@code [low, high]}.
   *
   * @param model the reporting model
   * @param type the source's type
   * @param low the low end, or null for 0
   * @param high the high end, or null for no upper bound
   * @param count the model's count x, at least 0
   * @return ln P(low ≤ Y ≤ high | x), at most 0
   */
  public static double logProbability(
      ReportingModel model, SourceType type, Integer low, Integer high, double count) {
    double b = model.bias().get(type);
    double lx = Math.log(count + 1);
    double a = low == null || low <= 0 ? Double.NEGATIVE_INFINITY : Math.log(low + 0.5) - lx - b;
    double c = high == null ? Double.POSITIVE_INFINITY : Math.log(high + 1.5) - lx - b;
    if (!(c > a)) {
      return Double.NEGATIVE_INFINITY;
    }
    double ordinary =
        Math.log1p(-model.grossShare()) + logNormalMass(a / model.sigma(), c / model.sigma());
    if (model.grossShare() == 0) {
      return ordinary;
    }
    double gross =
        Math.log(model.grossShare())
            + logNormalMass(a / model.grossSigma(), c / model.grossSigma());
    return logSum(ordinary, gross);
  }

  /** ln(Φ(c) − Φ(a)) for a &lt; c, accurate in both tails. */
  static double logNormalMass(double a, double c) {
    if (a > 0) {
      // Both in the upper tail: Q(a) − Q(c), Q the upper tail.
      double la = logUpperTail(a);
      double lc = logUpperTail(c);
      return la + Math.log1p(-Math.exp(lc - la));
    }
    if (c < 0) {
      return logNormalMass(-c, -a);
    }
    // The interval holds 0: at least Φ(0) − Φ(a) or Φ(c) − Φ(0), so no underflow.
    return Math.log(Normal.cdf(c) - Normal.cdf(a));
  }

  /** ln Q(z) = ln(1 − Φ(z)), for z ≥ 0 or +∞. */
  static double logUpperTail(double z) {
    if (z == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double q = Normal.cdf(-z);
    if (q > TAIL_FLOOR) {
      return Math.log(q);
    }
    // Mills' ratio: Q(z) = φ(z)/z (1 − 1/z² + 3/z⁴ − ...); here z > 37, so two terms suffice.
    return -0.5 * z * z - Math.log(z) - HALF_LOG_TWO_PI + Math.log1p(-1 / (z * z));
  }

  /** ln(e^x + e^y). */
  static double logSum(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) {
      return y;
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    double m = Math.max(x, y);
    return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
  }
}
