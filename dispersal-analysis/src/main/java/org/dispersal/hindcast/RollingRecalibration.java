package org.dispersal.hindcast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.observation.Publication;
import org.dispersal.scoring.ForecastScore;
import org.dispersal.scoring.Recalibration;

/**
 * Rolling-origin recalibration without leakage: each forecast date's scored forecasts are
 * recalibrated ({@link Recalibration}) with the residuals of the hindcasts from strictly earlier
 * forecast dates, on the figures that were public by the current date only. A figure published
 * after the current date never informs its recalibration, even when an earlier forecast date scored
 * it. The first dates have no such figure and stay raw.
 *
 * <p>The residuals are those of the earlier dates' raw forecasts (never of recalibrated ones), so a
 * date's recalibration depends on the raw hindcasts and the publication rule only, not on the order
 * in which dates are recalibrated. Every horizon is pooled: rolling origins hold few long-horizon
 * figures that were already public by a later forecast date.
 */
public final class RollingRecalibration {

  private RollingRecalibration() {}

  /**
   * One forecast date, recalibrated.
   *
   * @param result the hindcast with every scored row's sample and scores recalibrated (the
   *     baselines, calibration and rows not scored unchanged; the log score, which is the raw
   *     forecast's, NaN)
   * @param learnedFrom how many earlier forecasts of figures public by the date it learnt from; 0
   *     when it stayed raw
   */
  public record Date(Hindcast.Result result, int learnedFrom) {}

  /**
   * Recalibrates each forecast date on the earlier ones.
   *
   * @param results one raw hindcast per forecast date (any order)
   * @param publication when each figure became public: the rule the hindcasts split figures by
   * @return one entry per result, in the order given
   */
  public static List<Date> apply(List<Hindcast.Result> results, Publication publication) {
    List<Date> out = new ArrayList<>();
    for (Hindcast.Result current : results) {
      List<Recalibration.Residual> earlier = residuals(results, current.asOf(), publication);
      List<Hindcast.Row> rows = new ArrayList<>();
      for (Hindcast.Row row : current.rows()) {
        rows.add(row.score() == null ? row : recalibrated(row, earlier));
      }
      out.add(
          new Date(
              new Hindcast.Result(
                  current.scenario(),
                  rows,
                  current.calibration(),
                  current.calibrationRows(),
                  current.seconds(),
                  current.asOf(),
                  current.reporting()),
              earlier.size()));
    }
    return out;
  }

  /**
   * The residuals a forecast date may learn from: every scored row of a strictly earlier forecast
   * date whose figure was public by {@code asOf}, in the order of {@code results}.
   */
  static List<Recalibration.Residual> residuals(
      List<Hindcast.Result> results, LocalDate asOf, Publication publication) {
    List<Recalibration.Residual> out = new ArrayList<>();
    for (Hindcast.Result earlier : results) {
      if (!earlier.asOf().isBefore(asOf)) {
        continue;
      }
      for (Hindcast.Row row : earlier.scored()) {
        if (row.record().publishedBy(asOf, publication)) {
          out.add(Recalibration.Residual.of(row.sample(), row.record().range()));
        }
      }
    }
    return out;
  }

  private static Hindcast.Row recalibrated(Hindcast.Row row, List<Recalibration.Residual> earlier) {
    double[] sample = Recalibration.apply(row.sample(), earlier);
    return new Hindcast.Row(
        row.record(),
        row.status(),
        row.month(),
        ForecastScore.of(sample, row.record().range()),
        row.crpsPersistence(),
        row.crpsTrend(),
        row.trend(),
        row.fleeArd(),
        sample,
        row.note(),
        row.latent(),
        Double.NaN);
  }
}
