package org.dispersal.output.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dispersal.calibration.AbcSmc;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.calibration.PosteriorEnsemble;
import org.dispersal.calibration.PriorMath;
import org.dispersal.model.Prior;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;
import org.dispersal.output.page.Svg;
import org.dispersal.scoring.ForecastScore;

/**
 * Writes the calibration report: the ABC-SMC generations, prior versus posterior for every free
 * parameter (90% intervals and medians, with the share of the prior interval the posterior keeps),
 * and the fit to each figure (prior and posterior predictive intervals against the observed range).
 */
public final class CalibrationReport {

  private CalibrationReport() {}

  /**
   * Writes the report and its sidecar {@code X.html.csp} ({@link Page#write}).
   *
   * @return the hashes written to the sidecar
   */
  public static InlineHashes write(
      Scenario s,
      ModelCalibration.Result cal,
      ObservationTargets targets,
      PosteriorEnsemble.Result prior,
      PosteriorEnsemble.Result post,
      List<ObservationRecord> later,
      double seconds,
      String command,
      Path file)
      throws IOException {
    AbcSmc.Result abc = cal.abc();
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"note\">Command: <code>").append(Html.esc(command)).append("</code></p>");
    b.append(
        Numbers.fmt(
            "<p>ABC-SMC on <b>%d</b> figures: <b>%d</b> of %d free parameters calibrated (the"
                + " others showed no significant rank correlation with any figure in the pilot and"
                + " keep their priors), <b>%d</b> simulations in %.1f s; %d particles. Figures"
                + " published after the cut-off and not used: %d.</p>",
            targets.resolved().size(),
            cal.names().size(),
            cal.free().size(),
            abc.simulations(),
            seconds,
            abc.weights().length,
            later.size()));
    b.append(
        "<h2>Generations</h2><table class=\"numeric\"><tr><th>generation</th><th>tolerance</th>"
            + "<th>simulations</th><th>acceptance</th><th>effective sample size</th></tr>");
    for (AbcSmc.Generation g : abc.generations()) {
      b.append(
          Numbers.fmt(
              "<tr><td>%d</td><td>%s</td><td>%d</td><td>%.3f</td><td>%.0f</td></tr>",
              g.index(), Numbers.num(g.epsilon()), g.simulations(), g.acceptance(), g.ess()));
    }
    b.append("</table>");
    b.append(
        "<h2>Prior and posterior</h2><p class=\"note\">Grey: the prior's 90% interval;"
            + " blue: the posterior's, with its median. \"Kept\" is the posterior's 90% width as a"
            + " share of the prior's: near 100% means the figures say little about the parameter.</p>");
    b.append(
        "<table class=\"numeric\"><tr><th>parameter</th><th>prior</th><th>prior 5%–95%</th>"
            + "<th>posterior median</th><th>posterior 5%–95%</th><th>kept</th><th></th></tr>");
    var post0 = cal.posterior();
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < cal.names().size(); j++) {
      order.add(j);
    }
    double[] kept = new double[cal.names().size()];
    for (int j : order) {
      Prior p = s.parameters().get(cal.names().get(j)).prior();
      double pw = PriorMath.quantile(p, 0.95) - PriorMath.quantile(p, 0.05);
      double qw = post0.quantile(j, 0.95) - post0.quantile(j, 0.05);
      kept[j] = pw == 0 ? 1 : qw / pw;
    }
    order.sort((a, c) -> Double.compare(kept[a], kept[c]));
    for (int j : order) {
      String name = cal.names().get(j);
      Prior p = s.parameters().get(name).prior();
      double a = PriorMath.quantile(p, 0.05);
      double c = PriorMath.quantile(p, 0.95);
      double lo = post0.quantile(j, 0.05);
      double med = post0.quantile(j, 0.5);
      double hi = post0.quantile(j, 0.95);
      b.append(
          Html.row(
              Html.esc(name),
              Html.esc(p.describe()),
              Numbers.num(a) + "–" + Numbers.num(c),
              Numbers.num(med),
              Numbers.num(lo) + "–" + Numbers.num(hi),
              Numbers.fmt("%.0f%%", 100 * kept[j]),
              bar(p, a, c, lo, med, hi)));
    }
    b.append("</table>");
    b.append(
        "<h2>Screening</h2><p class=\"note\">Largest |Spearman ρ| between each free"
            + " parameter and any figure over the pilot's prior draws; parameters below the"
            + " Bonferroni threshold keep their priors.</p><table class=\"numeric\"><tr><th>parameter</th>"
            + "<th>|ρ|</th><th>calibrated</th></tr>");
    Integer[] byRho = new Integer[cal.free().size()];
    for (int k = 0; k < byRho.length; k++) {
      byRho[k] = k;
    }
    java.util.Arrays.sort(byRho, (x, y) -> Double.compare(cal.screen()[y], cal.screen()[x]));
    for (int k : byRho) {
      b.append(
          Html.row(
              Html.esc(cal.free().get(k)),
              Numbers.fmt("%.3f", cal.screen()[k]),
              cal.names().contains(cal.free().get(k)) ? "yes" : ""));
    }
    b.append("</table>");
    b.append(
            "<h2>Fit to each figure</h2><p class=\"note\">Prior and posterior predictive"
                + " medians and 90% intervals from ")
        .append(prior.samples().length == 0 ? 0 : prior.samples()[0].length)
        .append(" replications each.</p>");
    b.append(
        "<table class=\"numeric\"><tr><th>figure</th><th>observed</th><th>source</th><th>prior median [90%]</th>"
            + "<th>in90</th><th>CRPS</th><th>posterior median [90%]</th><th>in90</th><th>CRPS</th>"
            + "<th>note</th></tr>");
    for (int t = 0; t < targets.resolved().size(); t++) {
      var r = targets.resolved().get(t).record();
      ForecastScore a = ForecastScore.of(prior.samples()[t], r.range());
      ForecastScore c = ForecastScore.of(post.samples()[t], r.range());
      b.append("<tr>")
          .append(FigureCells.of(r))
          .append(cells(a))
          .append(cells(c))
          .append("<td>")
          .append(Html.esc(targets.resolved().get(t).note()))
          .append("</td></tr>");
    }
    b.append("</table>");
    if (!targets.unresolved().isEmpty()) {
      b.append(
          "<h2>Figures not used</h2><table class=\"numeric\"><tr><th>figure</th><th>observed</th>"
              + "<th>source</th><th>reason</th></tr>");
      for (var u : targets.unresolved()) {
        b.append("<tr>")
            .append(FigureCells.of(u.record()))
            .append("<td class=\"text\">")
            .append(Html.esc(u.reason()))
            .append("</td></tr>");
      }
      b.append("</table>");
    }
    String title = "Calibration of " + s.name();
    return new Page(title).masthead("Calibration", title, null).raw(b.toString()).write(file);
  }

  private static String cells(ForecastScore f) {
    return Html.cells(
        Numbers.num(f.p50()) + " [" + Numbers.num(f.p05()) + "–" + Numbers.num(f.p95()) + "]",
        f.in90() ? "yes" : "no",
        Numbers.num(f.crps()));
  }

  private static String bar(Prior p, double a, double c, double lo, double med, double hi) {
    double min = p.low();
    double max = p.high();
    boolean log = p instanceof Prior.LogUniform;
    int w = 160;
    java.util.function.DoubleUnaryOperator x =
        v -> {
          double f =
              log
                  ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min))
                  : (v - min) / (max - min);
          return 2 + (w - 4) * Math.max(0, Math.min(1, f));
        };
    return Svg.fixed(
            w,
            14,
            "prior-bar",
            "Prior 90% interval (grey) and posterior 90% interval (blue) with its median")
        .rect(
            x.applyAsDouble(a),
            2,
            Math.max(1, x.applyAsDouble(c) - x.applyAsDouble(a)),
            10,
            "#ccc",
            null)
        .rect(
            x.applyAsDouble(lo),
            4,
            Math.max(1, x.applyAsDouble(hi) - x.applyAsDouble(lo)),
            6,
            "#2a5d9f",
            null)
        .stroke(x.applyAsDouble(med), 0, x.applyAsDouble(med), 14, "#000", 1, null)
        .finish();
  }
}
