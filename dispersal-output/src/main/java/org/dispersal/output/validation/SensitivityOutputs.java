package org.dispersal.output.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;
import org.dispersal.output.page.Svg;
import org.dispersal.output.text.Csv;
import org.dispersal.sensitivity.SensitivityAnalysis;
import org.dispersal.sensitivity.Sobol;

/**
 * Writes {@code sensitivity.csv} (one row per output and parameter: Morris μ*, μ, σ and rank, and
 * the Sobol' first-order and total indices with 95% bootstrap intervals where computed) and {@code
 * sensitivity.html} (a tornado chart of the total and first-order indices, and the Morris μ* of
 * every parameter).
 */
public final class SensitivityOutputs {

  /** One analysed output. */
  public record Output(String spec, SensitivityAnalysis.Result result) {}

  private SensitivityOutputs() {}

  /** Writes the CSV. */
  public static void writeCsv(List<Output> outputs, Path file) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "output,parameter,rank,morris_mu_star,morris_mu,morris_sigma,"
                + "S1,S1_low,S1_high,ST,ST_low,ST_high\n");
    for (Output o : outputs) {
      for (var p : o.result().parameters()) {
        var s = p.sobol();
        b.append(Csv.field(o.spec()))
            .append(',')
            .append(p.name())
            .append(',')
            .append(p.rank())
            .append(',')
            .append(Numbers.csvFields(p.muStar(), p.mu(), p.sigma()));
        if (s == null) {
          b.append(",,,,,,");
        } else {
          b.append(',')
              .append(
                  Numbers.csvFields(
                      s.first(),
                      s.firstLow(),
                      s.firstHigh(),
                      s.total(),
                      s.totalLow(),
                      s.totalHigh()));
        }
        b.append('\n');
      }
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Writes the HTML report and its sidecar {@code X.html.csp} ({@link Page#write}).
   *
   * @return the hashes written to the sidecar
   */
  public static InlineHashes writeHtml(
      String scenario, List<Output> outputs, String command, Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"note\">Command: <code>").append(Html.esc(command)).append("</code></p>");
    b.append(EXPLAINED);
    for (Output o : outputs) {
      var r = o.result();
      b.append("<h2>").append(Html.esc(o.spec())).append("</h2>");
      b.append(
          Numbers.fmt(
              "<p class=\"note\">Morris: %d design points; Sobol': %d design points;"
                  + " %d replications per point with common random numbers.</p>",
              r.morrisEvaluations(), r.sobolEvaluations(), r.replications()));
      b.append(
          "<p>Tornado: total index S<sub>T</sub> (light, with its 95% interval) and"
              + " first-order index S<sub>1</sub> (dark).</p>");
      b.append(tornado(r));
      b.append("<p><strong>Verdict:</strong> ").append(Html.esc(verdict(r))).append("</p>");
      for (String w : firstAboveTotal(r)) {
        b.append("<p class=\"warning\">").append(Html.esc(w)).append("</p>");
      }
      b.append(
          "<table class=\"numeric\"><tr><th>parameter</th><th>rank</th><th>μ*</th><th>σ</th><th>S1 [95%]</th>"
              + "<th>ST [95%]</th></tr>");
      for (var p : r.parameters()) {
        var s = p.sobol();
        b.append(
            Html.row(
                Html.esc(p.name()),
                p.rank(),
                Numbers.num(p.muStar()),
                Numbers.num(p.sigma()),
                s == null ? "" : first(s),
                s == null ? "" : total(s)));
      }
      b.append("</table>");
    }
    String title = "Sensitivity of " + scenario;
    return new Page(title)
        .masthead("Sensitivity analysis", title, null)
        .raw(b.toString())
        .write(file);
  }

  /** What μ*, S1 and ST mean, one sentence each. */
  static final String EXPLAINED =
      "<p><strong>μ*</strong> (Morris): the mean absolute change of the output when one parameter"
          + " moves by a step of its range with the others held, in the output's units; large means"
          + " influential, and σ much larger than μ* means the effect depends on the other"
          + " parameters.</p><p><strong>S1</strong> (Sobol' first-order index): the share of the"
          + " output's variance that this parameter explains on its own.</p><p><strong>ST</strong>"
          + " (Sobol' total index): the share of the variance that would vanish if this parameter"
          + " were known, including its interactions; ST near zero means the parameter can be"
          + " fixed anywhere in its range. By construction S1 ≤ ST; the 95% intervals are"
          + " bootstrap intervals over the design points.</p>";

  /** One sentence naming the parameters that matter, by total index (or μ* without Sobol'). */
  static String verdict(SensitivityAnalysis.Result r) {
    var ranked =
        r.parameters().stream()
            .sorted(
                (a, c) ->
                    a.sobol() != null && c.sobol() != null
                        ? Double.compare(c.sobol().total(), a.sobol().total())
                        : a.sobol() != null || c.sobol() != null
                            ? (a.sobol() != null ? -1 : 1)
                            : Double.compare(c.muStar(), a.muStar()))
            .toList();
    if (ranked.isEmpty()) {
      return "no parameters varied.";
    }
    var top = ranked.get(0);
    if (top.sobol() == null) {
      return Numbers.fmt(
          "%s moves the output most (μ* %.3g); Sobol' indices were not computed.",
          top.name(), top.muStar());
    }
    List<String> negligible = new java.util.ArrayList<>();
    for (var p : ranked) {
      if (p.sobol() != null && p.sobol().totalHigh() < 0.05) {
        negligible.add(p.name());
      }
    }
    return Numbers.fmt(
            "%s matters most: it accounts for %.0f%% of the variance with its interactions (ST %.2f).",
            top.name(), 100 * top.sobol().total(), top.sobol().total())
        + (negligible.isEmpty()
            ? ""
            : " Could be fixed anywhere in their ranges (ST below 0.05 at the 95% bound): "
                + String.join(", ", negligible)
                + ".");
  }

  /**
   * Warnings for parameters whose S1 exceeds ST beyond the bootstrap noise (the low end of S1's
   * interval above the high end of ST's): impossible in theory, so the sample is too small.
   */
  static List<String> firstAboveTotal(SensitivityAnalysis.Result r) {
    List<String> out = new java.util.ArrayList<>();
    for (var p : r.parameters()) {
      var s = p.sobol();
      if (s != null && s.firstLow() > s.totalHigh()) {
        out.add(
            Numbers.fmt(
                "Warning: for %s, S1 %s exceeds ST %s beyond the"
                    + " bootstrap noise. S1 cannot exceed ST; the sample is too small for these"
                    + " indices: rerun with more --base-samples or --replications.",
                p.name(), first(s), total(s)));
      }
    }
    return out;
  }

  /** The first-order index with its 95% interval: "0.600 [0.500, 0.700]". */
  private static String first(Sobol.Index s) {
    return Numbers.fmt("%.3f [%.3f, %.3f]", s.first(), s.firstLow(), s.firstHigh());
  }

  /** The total index with its 95% interval, as {@link #first}. */
  private static String total(Sobol.Index s) {
    return Numbers.fmt("%.3f [%.3f, %.3f]", s.total(), s.totalLow(), s.totalHigh());
  }

  private static String tornado(SensitivityAnalysis.Result r) {
    List<SensitivityAnalysis.ParameterResult> ps =
        r.parameters().stream()
            .filter(p -> p.sobol() != null)
            .sorted((a, c) -> Double.compare(c.sobol().total(), a.sobol().total()))
            .toList();
    int rowH = 22;
    int left = 260;
    int width = 420;
    int h = 30 + ps.size() * rowH;
    Svg svg =
        Svg.fixed(
            left + width + 40,
            h,
            "tornado",
            "Total and first-order Sobol' indices by parameter, largest total first");
    for (int t = 0; t <= 4; t++) {
      double x = left + width * t / 4.0;
      svg.line(x, 0, x, h - 18, "grid");
      svg.text(x, h - 4, "middle", "tick", Numbers.fmt("%.2f", t / 4.0));
    }
    for (int i = 0; i < ps.size(); i++) {
      var p = ps.get(i);
      var s = p.sobol();
      double y = 4 + i * rowH;
      svg.text(left - 6, y + 13, "end", "", p.name());
      svg.rect(left, y, width * clamp(s.total()), 16, "#9ec3e6", p.name() + ": ST " + total(s));
      svg.rect(left, y + 4, width * clamp(s.first()), 8, "#1f4e8c", p.name() + ": S1 " + first(s));
      svg.stroke(
          left + width * clamp(s.totalLow()),
          y + 8,
          left + width * clamp(s.totalHigh()),
          y + 8,
          "#333",
          1,
          null);
    }
    return svg.finish();
  }

  private static double clamp(double x) {
    return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
  }
}
