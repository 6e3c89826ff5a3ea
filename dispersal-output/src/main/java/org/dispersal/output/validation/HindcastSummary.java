package org.dispersal.output.validation;

import java.util.List;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.scoring.Scores;

/**
 * Overall scores of a hindcast.
 *
 * @param scored number of scored observations
 * @param notScored number listed with a reason (calibration rows included)
 * @param coverage50 share of scored observations whose range overlaps the 50% interval
 * @param coverage90 share overlapping the 90% interval
 * @param crps mean CRPS of the model
 * @param crpsPersistence mean CRPS of persistence
 * @param skillPersistence 1 − crps / crpsPersistence
 * @param trendCount observations with a trend baseline
 * @param crpsModelOnTrend mean model CRPS on those
 * @param crpsTrend mean trend CRPS on those
 * @param skillTrend 1 − crpsModelOnTrend / crpsTrend
 * @param beatsPersistence share of observations where the model's CRPS is below persistence's
 * @param beatsTrend share (of those with a trend) where it is below the trend's
 * @param medianAbsLogRatio median of |log ratio|
 * @param meanIntervalScore mean interval score
 */
public record HindcastSummary(
    int scored,
    int notScored,
    double coverage50,
    double coverage90,
    double crps,
    double crpsPersistence,
    double skillPersistence,
    int trendCount,
    double crpsModelOnTrend,
    double crpsTrend,
    double skillTrend,
    double beatsPersistence,
    double beatsTrend,
    double medianAbsLogRatio,
    double meanIntervalScore) {

  /**
   * Summarises the rows that are not {@code travelled} figures. With no travel after the start, the
   * model's travelled count is its initial stock, identical to persistence: those rows test the
   * data, not the dynamics.
   */
  public static HindcastSummary dynamics(List<Hindcast.Row> all) {
    return of(
        all.stream()
            .filter(
                r -> r.record().measure() != org.dispersal.calibration.ObservedMeasure.TRAVELLED)
            .toList());
  }

  /** Summarises rows (the scored ones among them). */
  public static HindcastSummary of(List<Hindcast.Row> all) {
    List<Hindcast.Row> rows = all.stream().filter(r -> r.score() != null).toList();
    int n = rows.size();
    double in50 = 0;
    double in90 = 0;
    double crps = 0;
    double pers = 0;
    double is = 0;
    double beatP = 0;
    int nt = 0;
    double crpsT = 0;
    double trend = 0;
    double beatT = 0;
    double[] lr = new double[n];
    for (int i = 0; i < n; i++) {
      Hindcast.Row r = rows.get(i);
      in50 += r.score().in50() ? 1 : 0;
      in90 += r.score().in90() ? 1 : 0;
      crps += r.score().crps();
      pers += r.crpsPersistence();
      is += r.score().intervalScore();
      beatP += r.score().crps() < r.crpsPersistence() ? 1 : 0;
      lr[i] = Math.abs(r.score().logRatio());
      if (!Double.isNaN(r.crpsTrend())) {
        nt++;
        crpsT += r.score().crps();
        trend += r.crpsTrend();
        beatT += r.score().crps() < r.crpsTrend() ? 1 : 0;
      }
    }
    java.util.Arrays.sort(lr);
    double medLr =
        n == 0 ? Double.NaN : (n % 2 == 1 ? lr[n / 2] : 0.5 * (lr[n / 2 - 1] + lr[n / 2]));
    double nn = Math.max(1, n);
    double ntt = Math.max(1, nt);
    return new HindcastSummary(
        n,
        all.size() - n,
        in50 / nn,
        in90 / nn,
        crps / nn,
        pers / nn,
        Scores.skill(crps, pers),
        nt,
        crpsT / ntt,
        trend / ntt,
        nt == 0 ? Double.NaN : Scores.skill(crpsT, trend),
        beatP / nn,
        nt == 0 ? Double.NaN : beatT / ntt,
        medLr,
        is / nn);
  }
}
