package org.dispersal.output.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.text.Csv;

/**
 * Writes {@code assimilation.csv} of a forecast made as of a date: one row per figure read, used or
 * set aside with the reason, in file order (used first).
 *
 * <p>Columns: {@code status} (used or set_aside), {@code file}, {@code line}, {@code date} (the
 * month the figure describes, as written), {@code published}, {@code source}, {@code target} (the
 * measure, demographic, scope and date), {@code value} (the figure as written: 800, 150-180, more
 * than 2000, up to 50), {@code prior_mean} and {@code posterior_mean} (the ensemble's mean count of
 * what a used figure counts before and after the resampling; empty for figures set aside) and
 * {@code reason} (empty for used figures).
 */
public final class AssimilationCsv {

  /** The header line's columns. */
  public static final String HEADER =
      "status,file,line,date,published,source,target,value,prior_mean,posterior_mean,reason";

  private AssimilationCsv() {}

  /** The file's text. */
  public static String text(Assimilation.Plan plan, Assimilation.Result result) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    double[][] prior = result.prior();
    double[] posterior = result.posteriorMeans();
    for (int f = 0; f < plan.used().size(); f++) {
      double before = 0;
      for (double x : prior[f]) {
        before += x;
      }
      out.append(
          row(
              "used",
              plan.used().get(f).record(),
              number(before / prior[f].length),
              number(posterior[f]),
              ""));
    }
    for (Assimilation.SetAside a : plan.setAside()) {
      out.append(row("set_aside", a.record(), "", "", a.reason()));
    }
    return out.toString();
  }

  /** Writes the file. */
  public static void write(Assimilation.Plan plan, Assimilation.Result result, Path file)
      throws IOException {
    Files.writeString(file, text(plan, result), StandardCharsets.UTF_8);
  }

  private static String row(
      String status, ObservationRecord r, String prior, String posterior, String reason) {
    return Csv.line(
        status,
        r.file(),
        String.valueOf(r.line()),
        r.date(),
        r.published(),
        r.sourceId(),
        r.label(),
        r.describe(),
        prior,
        posterior,
        reason);
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
