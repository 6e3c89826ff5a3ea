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
 * than 2000, up to 50), {@code prior_mean} and {@code posterior_mean} (the ensemble's mean of a
 * used figure under its definition(s) before and after the resampling: Σ_a w_a (base_a + keep_a ·
 * thinned_a) over the definitions a of {@code FigureDefinitions}, the plain mean count for a figure
 * read as a count; empty for figures set aside), {@code reason} (empty for used figures) and {@code
 * definition} (how a used figure was read: {@code count}, {@code confirmed}, {@code residual} or
 * {@code reporting_countries}, or a mixture with weights such as {@code count=0.70|confirmed=0.30};
 * empty for figures set aside).
 */
public final class AssimilationCsv {

  /** The header line's columns. */
  public static final String HEADER =
      "status,file,line,date,published,source,target,value,prior_mean,posterior_mean,reason,definition";

  private AssimilationCsv() {}

  /** The file's text. */
  public static String text(Assimilation.Plan plan, Assimilation.Result result) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    double[][] prior = result.prior();
    double[] posterior = result.posteriorMeans();
    double[] targetMeans = new double[prior.length];
    for (int t = 0; t < prior.length; t++) {
      double sum = 0;
      for (double x : prior[t]) {
        sum += x;
      }
      targetMeans[t] = sum / prior[t].length;
    }
    double[] before = plan.figureMeans(targetMeans);
    for (int f = 0; f < plan.used().size(); f++) {
      Assimilation.Used u = plan.used().get(f);
      out.append(
          row("used", u.record(), number(before[f]), number(posterior[f]), "", u.definition()));
    }
    for (Assimilation.SetAside a : plan.setAside()) {
      out.append(row("set_aside", a.record(), "", "", a.reason(), ""));
    }
    return out.toString();
  }

  /** Writes the file. */
  public static void write(Assimilation.Plan plan, Assimilation.Result result, Path file)
      throws IOException {
    Files.writeString(file, text(plan, result), StandardCharsets.UTF_8);
  }

  private static String row(
      String status,
      ObservationRecord r,
      String prior,
      String posterior,
      String reason,
      String definition) {
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
        reason,
        definition);
  }

  private static String number(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
