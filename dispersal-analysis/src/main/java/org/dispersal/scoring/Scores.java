package org.dispersal.scoring;

import java.util.Arrays;

/**
 * Proper scores of an ensemble forecast against an observed range.
 *
 * <p><b>CRPS.</b> For a predictive CDF F and a point observation y, CRPS(F, y) = ∫ (F(x) − 1{x ≥
 * y})² dx (Matheson &amp; Winkler 1976; Gneiting &amp; Raftery, JASA 102, 2007). For a range [a, b]
 * we take the distance from F to the set of CDFs of every distribution on [a, b]: a CDF in that set
 * is 0 below a, 1 from b on and free in between, so
 *
 * <pre>  CRPS(F, [a, b]) = ∫_{x &lt; a} F(x)² dx + ∫_{x ≥ b} (1 − F(x))² dx,</pre>
 *
 * which is the ordinary CRPS when a = b, is zero when the whole forecast lies inside the range, and
 * has no upper term for "more than a". F is the empirical CDF of the ensemble sample, so the
 * integrals are exact sums over the sorted sample.
 *
 * <p><b>Interval score</b> of the central (1 − α) interval [l, u] (Gneiting &amp; Raftery 2007, eq.
 * 43): (u − l) + (2/α)·(l − y)·1{y &lt; l} + (2/α)·(y − u)·1{y &gt; u}; for a range, y is the point
 * of the range nearest the interval, so the penalty is (2/α) times the gap between interval and
 * range.
 *
 * <p><b>Log ratio</b> ln((m + 1)/(y + 1)) of the median m to the observed value y, with y the point
 * of the range nearest m (0 when m is inside): positive means the forecast is too high. The +1
 * keeps zero counts finite.
 */
public final class Scores {

  private Scores() {}

  /**
   * The CRPS of an ensemble sample against a range.
   *
   * @param sample the ensemble values (not modified)
   * @param obs the observed range
   */
  public static double crps(double[] sample, ObservedRange obs) {
    double[] x = sample.clone();
    Arrays.sort(x);
    return crpsSorted(x, obs);
  }

  /** The CRPS of a sorted sample against a range (see the class comment). */
  public static double crpsSorted(double[] x, ObservedRange obs) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("empty sample");
    }
    double a = obs.low();
    double b = obs.high();
    double sum = 0;
    // F(x) = i/n on [x_(i), x_(i+1)); below a we integrate F², from b on (1 − F)².
    for (int i = 1; i <= n; i++) {
      double f = (double) i / n;
      double lo = x[i - 1];
      double hi = i < n ? x[i] : Double.POSITIVE_INFINITY;
      double belowHi = Math.min(hi, a);
      if (belowHi > lo) {
        sum += f * f * (belowHi - lo);
      }
      double aboveLo = Math.max(lo, b);
      if (hi > aboveLo && f < 1) {
        sum += (1 - f) * (1 - f) * (hi - aboveLo);
      }
    }
    // below the smallest member F = 0: contributes (1 − 0)² on [b, x_(1)) when b < x_(1).
    if (b < x[0]) {
      sum += x[0] - b;
    }
    return sum;
  }

  /**
   * The CRPS of a point forecast (a one-member ensemble): the distance from the point to the range.
   */
  public static double crpsPoint(double value, ObservedRange obs) {
    return obs.gap(value);
  }

  /**
   * The interval score of a central (1 − alpha) interval.
   *
   * @param lower the interval's lower end
   * @param upper the interval's upper end
   * @param alpha 0.1 for a 90% interval
   * @param obs the observed range
   */
  public static double intervalScore(double lower, double upper, double alpha, ObservedRange obs) {
    double penalty = 0;
    if (upper < obs.low()) {
      penalty = obs.low() - upper;
    } else if (lower > obs.high()) {
      penalty = lower - obs.high();
    }
    return (upper - lower) + 2 / alpha * penalty;
  }

  /** The log ratio of a median to the nearest point of the range (0 inside). */
  public static double logRatio(double median, ObservedRange obs) {
    double y = median < obs.low() ? obs.low() : Math.min(median, obs.high());
    return Math.log((median + 1) / (y + 1));
  }

  /**
   * A quantile of a sorted sample, by the inverse of the empirical CDF (the smallest x with F(x) ≥
   * p), as {@code IntHistogram} reads ensemble quantiles.
   */
  public static double quantileSorted(double[] x, double p) {
    int n = x.length;
    int k = (int) Math.ceil(p * n);
    return x[Math.min(n - 1, Math.max(0, k - 1))];
  }

  /**
   * The share of a sorted sample strictly below a value: F(v−1) for a count v, with F the empirical
   * CDF.
   */
  public static double cdfBelow(double[] x, double v) {
    return (double) countBelow(x, v, false) / x.length;
  }

  /** The share of a sorted sample at or below a value: the empirical CDF F(v). */
  public static double cdfAtOrBelow(double[] x, double v) {
    return (double) countBelow(x, v, true) / x.length;
  }

  /** How many members of a sorted sample lie below v (or at it too, when {@code inclusive}). */
  private static int countBelow(double[] x, double v, boolean inclusive) {
    int lo = 0;
    int hi = x.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (x[mid] < v || (inclusive && x[mid] == v)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Skill of a forecast relative to a reference, 1 − score/reference: 1 is perfect, 0 no better
   * than the reference, negative worse. NaN when the reference scores 0.
   */
  public static double skill(double score, double reference) {
    return reference == 0 ? Double.NaN : 1 - score / reference;
  }
}
