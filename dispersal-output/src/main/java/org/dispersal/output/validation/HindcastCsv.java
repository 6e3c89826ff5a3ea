package org.dispersal.output.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.observation.ObservationRecord;

/**
 * Writes {@code hindcast.csv}: one row per observation, its own columns, then {@code
 * status,month,p05,p25,p50,p75,p95,in50,in90,crps,interval_score,log_ratio,crps_persistence,
 * crps_trend,trend,flee_ard,note}. Rows that were not scored have empty score columns and the
 * reason in {@code note}.
 */
public final class HindcastCsv {

  /** The header. */
  public static final String HEADER =
      "date,published,scope,scope_id,demographic,measure,low,high,source_id,status,month,"
          + "p05,p25,p50,p75,p95,in50,in90,crps,interval_score,log_ratio,crps_persistence,"
          + "crps_trend,trend,flee_ard,note";

  private HindcastCsv() {}

  /** Writes the file. */
  public static void write(List<Hindcast.Row> rows, Path file) throws IOException {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (Hindcast.Row row : rows) {
      ObservationRecord r = row.record();
      b.append(
          String.join(
              ",",
              r.date(),
              r.published(),
              r.scope(),
              Html.field(r.scopeId()),
              r.demographic(),
              r.measure().id(),
              r.low() == null ? "" : r.low().toString(),
              r.high() == null ? "" : r.high().toString(),
              Html.field(r.sourceId()),
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
                    Html.csv(s.p05()),
                    Html.csv(s.p25()),
                    Html.csv(s.p50()),
                    Html.csv(s.p75()),
                    Html.csv(s.p95()),
                    Boolean.toString(s.in50()),
                    Boolean.toString(s.in90()),
                    Html.csv(s.crps()),
                    Html.csv(s.intervalScore()),
                    Html.csv(s.logRatio()),
                    Html.csv(row.crpsPersistence()),
                    Html.csv(row.crpsTrend()),
                    Html.csv(row.trend()),
                    Html.csv(row.fleeArd())));
      }
      b.append(',').append(Html.field(row.note())).append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }
}
