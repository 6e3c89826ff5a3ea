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
 * @param pitLow the lower end of the figure's PIT range, F(a−1): the share of the ensemble below
 *     the observed range (see {@link #pit})
 * @param pitHigh the upper end, F(b): the share at or below the range's top (1 for "more than a")
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
    double logRatio,
    double pitLow,
    double pitHigh) {

  /**
   * The probability integral transform of the figure: where it falls in the forecast distribution,
   * from 0 (below every member) to 1 (above every member); over many figures of a calibrated
   * forecast its values are uniform.
   *
   * <p>Counts and ranges have no single PIT value: a figure y of a count takes any value between
   * F(y−1) and F(y), with F the empirical CDF of the ensemble. Czado, Gneiting &amp; Held
   * (Biometrics 65, 2009) make that exact by treating the PIT of a count as uniform on [F(y−1),
   * F(y)]; the same holds for a range [a, b] on [F(a−1), F(b)], for "more than a" on [F(a−1), 1]
   * and for "up to b" on [0, F(b)]. This is the deterministic, non-randomized mid-point of that
   * interval, (F(a−1) + F(b))/2: mid-PIT for a point. The PIT histogram spreads each figure
   * uniformly over the whole interval instead ({@link Scorecard}).
   */
  public double pit() {
    return 0.5 * (pitLow + pitHigh);
  }

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
        Scores.logRatio(p50, obs),
        Scores.cdfBelow(x, obs.low()),
        obs.openHigh() ? 1 : Scores.cdfAtOrBelow(x, obs.high()));
  }
}
