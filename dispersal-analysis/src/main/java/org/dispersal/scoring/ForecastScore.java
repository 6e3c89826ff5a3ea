package org.dispersal.scoring;

import java.util.Arrays;

/**
 * Every score of one ensemble forecast against one observed range, as the hindcast reports them.
 *
 * @param p05 5% quantile of the ensemble
 * @param p25 25% quantile
 * @param p50 median
 * @param p75 75% quantile
 * @param p95 95% quantile
 * @param in50 whether the central 50% interval [p25, p75] overlaps the observed range
 * @param in90 whether the central 90% interval [p05, p95] overlaps the observed range
 * @param crps the range CRPS ({@link Scores#crps})
 * @param intervalScore the interval score of [p05, p95] with α = 0.1
 * @param logRatio the log ratio of the median to the range
 */
public record ForecastScore(
    double p05,
    double p25,
    double p50,
    double p75,
    double p95,
    boolean in50,
    boolean in90,
    double crps,
    double intervalScore,
    double logRatio) {

  /**
   * Scores a sample.
   *
   * <p>Coverage counts a range as inside an interval when the two overlap: the truth is somewhere
   * in the observed range, and overlap is the event that it can lie in the interval. For a point
   * this is the usual "observation inside the interval".
   */
  public static ForecastScore of(double[] sample, ObservedRange obs) {
    double[] x = sample.clone();
    Arrays.sort(x);
    double p05 = Scores.quantileSorted(x, 0.05);
    double p25 = Scores.quantileSorted(x, 0.25);
    double p50 = Scores.quantileSorted(x, 0.50);
    double p75 = Scores.quantileSorted(x, 0.75);
    double p95 = Scores.quantileSorted(x, 0.95);
    return new ForecastScore(
        p05,
        p25,
        p50,
        p75,
        p95,
        obs.overlaps(p25, p75),
        obs.overlaps(p05, p95),
        Scores.crpsSorted(x, obs),
        Scores.intervalScore(p05, p95, 0.1, obs),
        Scores.logRatio(p50, obs));
  }
}
