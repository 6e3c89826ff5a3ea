package org.dispersal.scoring;

import java.util.Arrays;
import java.util.List;

/**
 * Conformal recalibration on the log scale: a forecast's ensemble is re-shaped by the standardized
 * residuals of earlier forecasts against the figures they were later scored on.
 *
 * <p>For an ensemble sample x, let m be the median and s the spread of ln(1 + x): the interquartile
 * range divided by 1.349 (a normal's standard deviation), at least {@link #MIN_SPREAD}. An earlier
 * forecast with its own m and s, scored on a figure with range [a, b], leaves the standardized
 * residual z = (ln(1 + y) − m) / s for y in [a, b]: an interval [z(a), z(b)] (a point for a point
 * figure; "more than a" counts as the point z(a), the least it can be).
 *
 * <p>The recalibrated forecast of a new figure, with its own ensemble's m and s, is the
 * distribution of exp(m + s Z) − 1, rounded to a whole number and at least 0, where Z is drawn from
 * a mixture: with weight n / (n + n₀) one of the n earlier residuals (uniform over its interval),
 * with weight n₀ / (n + n₀) the new ensemble's own standardized values (ln(1 + x) − m) / s. n₀ =
 * {@link #PRIOR_FIGURES} is a prior weight of the raw forecast, in figures: with no earlier
 * residual the recalibrated forecast is the raw one exactly, and it moves to the residuals' shape
 * as they accumulate. A forecast too narrow by a factor k leaves residuals k times too wide, so the
 * recalibrated forecast is widened by k; a forecast biased by a factor leaves shifted residuals, so
 * it is shifted back. This is split-conformal predictive distribution (Vovk et al., "Nonparametric
 * predictive distributions based on conformal prediction", Machine Learning 108, 2019) with a
 * location-scale normalisation by the ensemble itself and shrinkage towards the raw forecast.
 *
 * <p>The result is a sample of the same size as the raw one: its k-th member is the mixture's
 * quantile at (k + ½)/K, read from the mixture's atoms (each residual interval as {@link
 * #INTERVAL_POINTS} equally spaced points), so it needs no random numbers.
 */
public final class Recalibration {

  private Recalibration() {}

  /**
   * Prior weight of the raw forecast, in earlier figures (n₀): 10, plausible 0-50. Chosen before
   * any recalibrated score was seen, as a small share of the hundreds of figures rolling origins
   * accumulate, so that a handful of residuals cannot reshape a forecast on its own.
   */
  public static final double PRIOR_FIGURES = 10;

  /**
   * The least spread s of an ensemble on the log scale: 0.05 (5%), plausible 0.01-0.2. Below it the
   * ensemble is close to a single value, and standardizing by it would blow residuals up.
   */
  public static final double MIN_SPREAD = 0.05;

  /** Points each residual interval of a range figure is spread over: Monte Carlo free smoothing. */
  public static final int INTERVAL_POINTS = 20;

  /** The interquartile range of a standard normal: turns an IQR into a standard deviation. */
  private static final double NORMAL_IQR = 1.3489795003921634;

  /**
   * The centre and spread of an ensemble on the log scale.
   *
   * @param median the median of ln(1 + x)
   * @param spread the interquartile range of ln(1 + x) / 1.349, at least {@link #MIN_SPREAD}
   */
  public record Location(double median, double spread) {

    /** The location of a sample (not modified). */
    public static Location of(double[] sample) {
      if (sample.length == 0) {
        throw new IllegalArgumentException("an empty ensemble has no location");
      }
      double[] y = logs(sample);
      Arrays.sort(y);
      double iqr = Scores.quantileSorted(y, 0.75) - Scores.quantileSorted(y, 0.25);
      return new Location(Scores.quantileSorted(y, 0.5), Math.max(MIN_SPREAD, iqr / NORMAL_IQR));
    }

    /** The standardized residual of a value. */
    double z(double value) {
      return (Math.log1p(value) - median) / spread;
    }
  }

  /**
   * The standardized residual of one earlier forecast against the figure it was scored on.
   *
   * @param low the residual of the figure's low end
   * @param high the residual of its high end (equal to low for a point or "more than")
   */
  public record Residual(double low, double high) {

    /** Validates the order. */
    public Residual {
      if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
        throw new IllegalArgumentException(
            "a residual needs finite low <= high: " + low + ", " + high);
      }
    }

    /**
     * The residual of a figure against an ensemble.
     *
     * @param sample the earlier forecast's ensemble (not modified)
     * @param range the figure it was scored on
     */
    public static Residual of(double[] sample, ObservedRange range) {
      Location loc = Location.of(sample);
      double low = loc.z(range.low());
      return new Residual(low, range.openHigh() ? low : loc.z(range.high()));
    }
  }

  /**
   * Recalibrates an ensemble with the residuals of earlier forecasts.
   *
   * @param sample the raw ensemble (not modified)
   * @param earlier the residuals of earlier forecasts; empty leaves the forecast as it is
   * @return the recalibrated ensemble, of the same size, in ascending order (a copy of the sample
   *     when {@code earlier} is empty)
   */
  public static double[] apply(double[] sample, List<Residual> earlier) {
    if (earlier.isEmpty()) {
      return sample.clone();
    }
    int k = sample.length;
    Location loc = Location.of(sample);
    int atoms = k;
    for (Residual r : earlier) {
      atoms += r.low() == r.high() ? 1 : INTERVAL_POINTS;
    }
    double[] value = new double[atoms];
    double[] weight = new double[atoms];
    int a = 0;
    for (double x : sample) {
      value[a] = loc.z(x);
      weight[a++] = PRIOR_FIGURES / k;
    }
    for (Residual r : earlier) {
      if (r.low() == r.high()) {
        value[a] = r.low();
        weight[a++] = 1;
      } else {
        for (int i = 0; i < INTERVAL_POINTS; i++) {
          value[a] = r.low() + (i + 0.5) / INTERVAL_POINTS * (r.high() - r.low());
          weight[a++] = 1.0 / INTERVAL_POINTS;
        }
      }
    }
    Integer[] order = new Integer[atoms];
    for (int i = 0; i < atoms; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(value[i], value[j]));
    double total = PRIOR_FIGURES + earlier.size();
    double[] out = new double[k];
    double cumulative = 0;
    int next = 0;
    for (int q = 0; q < k; q++) {
      double target = (q + 0.5) / k * total;
      while (next < atoms - 1 && cumulative + weight[order[next]] < target) {
        cumulative += weight[order[next++]];
      }
      double z = value[order[next]];
      out[q] = Math.max(0, Math.rint(Math.expm1(loc.median() + loc.spread() * z)));
    }
    return out;
  }

  private static double[] logs(double[] sample) {
    double[] y = new double[sample.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.log1p(Math.max(0, sample[i]));
    }
    return y;
  }
}
