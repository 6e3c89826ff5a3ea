package org.dispersal.analyst;

import java.util.Arrays;

/**
 * The ensemble distribution of one real-valued output: mean, median and the 90% interval.
 *
 * <p>Quantiles interpolate linearly between order statistics (Hyndman and Fan type 7, the default
 * of R and NumPy): the q-quantile of n sorted values x is x[h] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) with
 * h = (n − 1)q. Values that are not a number (a PPV when nobody is flagged) are left out; {@link
 * #defined} says how many were used.
 *
 * @param mean the mean over replications
 * @param p05 5th percentile
 * @param p50 median
 * @param p95 95th percentile
 * @param defined how many replications had a value
 */
public record Interval(double mean, double p05, double p50, double p95, int defined) {

  /** An output that is not defined in any replication. */
  public static final Interval UNDEFINED =
      new Interval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  /** The distribution of the given values (the array is not changed). */
  public static Interval of(double[] values) {
    double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    if (x.length == 0) {
      return UNDEFINED;
    }
    Arrays.sort(x);
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return new Interval(
        sum / x.length, quantile(x, 0.05), quantile(x, 0.5), quantile(x, 0.95), x.length);
  }

  /** The q-quantile of sorted values, type 7. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
