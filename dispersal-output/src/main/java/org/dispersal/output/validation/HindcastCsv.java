package org.dispersal.output.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.RollingRecalibration;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.text.Csv;

/**
 * Writes {@code hindcast.csv}: one row per observation, its own columns, then {@code
 * status,month,p05,p25,p50,p75,p95,in50,in90,crps,interval_score,log_ratio,crps_persistence,
 * crps_trend,trend,flee_ard,note,pit,as_of,log_score}. Rows that were not scored have empty score
 * columns and the reason in {@code note}. {@code pit} is the figure's mid-PIT ({@link
 * org.dispersal.scoring.ForecastScore#pit}); {@code as_of} the forecast date of the hindcast that
 * produced the row, so that the rows of several forecast dates (rolling origins) share one file;
 * {@code log_score} the natural log of the forecast's probability of the published figure under the
 * reporting model ({@link org.dispersal.scoring.PublishedDensity}), empty without it.
 *
 * <p>Rolling origins add the recalibrated forecast of each scored row ({@link
 * org.dispersal.hindcast.RollingRecalibration}, fitted on earlier forecast dates only): {@code
 * recalibrated_p05,...,recalibrated_p95,recalibrated_in50,recalibrated_in90,recalibrated_crps,
 * recalibrated_pit} and {@code recalibrated_from}, the number of earlier forecasts it learnt from
 * (0: it stayed raw). They are empty for a single forecast date, which has nothing earlier to learn
 * from.
 */
public final class HindcastCsv {

  /** The header. */
  public static final String HEADER =
      "date,published,scope,scope_id,demographic,measure,low,high,source_id,status,month,"
          + "p05,p25,p50,p75,p95,in50,in90,crps,interval_score,log_ratio,crps_persistence,"
          + "crps_trend,trend,flee_ard,note,pit,as_of,log_score";

  /** The header with the recalibrated columns (rolling origins). */
  public static final String RECALIBRATED_HEADER =
      HEADER
          + ",recalibrated_p05,recalibrated_p25,recalibrated_p50,recalibrated_p75,"
          + "recalibrated_p95,recalibrated_in50,recalibrated_in90,recalibrated_crps,"
          + "recalibrated_pit,recalibrated_from";

  private HindcastCsv() {}

  /** Writes the file of one hindcast. */
  public static void write(Hindcast.Result result, Path file) throws IOException {
    write(List.of(result), file);
  }

  /** Writes the rows of several hindcasts, one per forecast date, in the order given. */
  public static void write(List<Hindcast.Result> results, Path file) throws IOException {
    write(results, null, file);
  }

  /**
   * Writes the rows of several hindcasts with their recalibrated forecasts.
   *
   * @param results the raw hindcasts, one per forecast date
   * @param recalibrated the same hindcasts recalibrated, in the same order, or null for none
   * @param file the file
   */
  public static void write(
      List<Hindcast.Result> results, List<RollingRecalibration.Date> recalibrated, Path file)
      throws IOException {
    StringBuilder b =
        new StringBuilder(recalibrated == null ? HEADER : RECALIBRATED_HEADER).append('\n');
    for (int d = 0; d < results.size(); d++) {
      Hindcast.Result result = results.get(d);
      RollingRecalibration.Date recal = recalibrated == null ? null : recalibrated.get(d);
      for (int i = 0; i < result.rows().size(); i++) {
        append(b, result.rows().get(i), result.asOf().toString());
        Hindcast.Row r = recal == null ? null : recal.result().rows().get(i);
        var s = r == null ? null : r.score();
        if (recal != null && s == null) {
          b.append(",,,,,,,,,,");
        } else if (recal != null) {
          b.append(',')
              .append(
                  String.join(
                      ",",
                      Numbers.csvFields(s.p05(), s.p25(), s.p50(), s.p75(), s.p95()),
                      Boolean.toString(s.in50()),
                      Boolean.toString(s.in90()),
                      Numbers.csvFields(s.crps(), s.pit()),
                      Integer.toString(recal.learnedFrom())));
        }
        b.append('\n');
      }
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static void append(StringBuilder b, Hindcast.Row row, String asOf) {
    ObservationRecord r = row.record();
    b.append(
        String.join(
            ",",
            r.date(),
            r.published(),
            r.scope(),
            Csv.field(r.scopeId()),
            r.demographic(),
            r.measure().id(),
            r.low() == null ? "" : r.low().toString(),
            r.high() == null ? "" : r.high().toString(),
            Csv.field(r.sourceId()),
            row.status(),
            row.month() < 0 ? "" : Integer.toString(row.month())));
    var s = row.score();
    if (s == null) {
      b.append(",,,,,,,,,,,,,,");
    } else {
      b.append(',')
          .append(
              String.join(
                  ",",
                  Numbers.csvFields(s.p05(), s.p25(), s.p50(), s.p75(), s.p95()),
                  Boolean.toString(s.in50()),
                  Boolean.toString(s.in90()),
                  Numbers.csvFields(
                      s.crps(),
                      s.intervalScore(),
                      s.logRatio(),
                      row.crpsPersistence(),
                      row.crpsTrend(),
                      row.trend(),
                      row.fleeArd())));
    }
    b.append(',')
        .append(Csv.field(row.note()))
        .append(',')
        .append(s == null ? "" : Numbers.csv(s.pit()))
        .append(',')
        .append(asOf)
        .append(',')
        .append(s == null ? "" : Numbers.csv(row.logScore()));
  }
}
