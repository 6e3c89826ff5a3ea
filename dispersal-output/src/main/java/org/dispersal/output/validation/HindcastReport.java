package org.dispersal.output.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.HindcastScorecard;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;

/**
 * Writes the hindcast's HTML report: the scorecard with its verdict ({@link ScorecardSection}),
 * overall scores, a chart per measure, every row; for one forecast date or several (rolling
 * origins), pooled.
 */
public final class HindcastReport {

  private HindcastReport() {}

  /**
   * Writes the report and its sidecar {@code X.html.csp} ({@link Page#write}).
   *
   * @return the hashes written to the sidecar
   */
  public static InlineHashes write(
      Hindcast.Result result, Hindcast.Settings settings, String command, Path file)
      throws IOException {
    return write(List.of(result), settings, command, file);
  }

  /**
   * Writes the report of several hindcasts, one per forecast date in ascending order, with the
   * scorecard pooled over them; {@code settings} gives the replications and seed they share.
   *
   * @return the hashes written to the sidecar
   * @throws IllegalArgumentException when {@code results} is empty
   */
  public static InlineHashes write(
      List<Hindcast.Result> results, Hindcast.Settings settings, String command, Path file)
      throws IOException {
    return write(results, settings, command, file, "");
  }

  /**
   * Writes the report of several hindcasts with a further section (HTML) after the scorecard, such
   * as the hypotheses' stacking weights ({@link StackingOutputs#html}).
   *
   * @return the hashes written to the sidecar
   * @throws IllegalArgumentException when {@code results} is empty
   */
  public static InlineHashes write(
      List<Hindcast.Result> results,
      Hindcast.Settings settings,
      String command,
      Path file,
      String section)
      throws IOException {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a hindcast report needs at least one forecast date");
    }
    List<Hindcast.Row> rows = results.stream().flatMap(r -> r.rows().stream()).toList();
    boolean several = results.size() > 1;
    String dates =
        several
            ? results.size()
                + " forecast dates, "
                + results.get(0).asOf()
                + " to "
                + results.get(results.size() - 1).asOf()
            : results.get(0).asOf().toString();
    HindcastSummary s = HindcastSummary.of(rows);
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"note\">Command: <code>").append(Html.esc(command)).append("</code></p>");
    b.append(
        Numbers.fmt(
            "<p>Scenario <b>%s</b>, information set frozen at %s<b>%s</b>; %d replications,"
                + " seed %d.</p>",
            Html.esc(results.get(0).scenario().name()),
            several ? "each of " : "",
            dates,
            settings.runs(),
            settings.seed()));
    for (Hindcast.Result result : results) {
      b.append("<p>").append(several ? "From " + result.asOf() + ": " : "");
      calibration(b, result);
      b.append("</p>");
    }
    b.append(ScorecardSection.html(HindcastScorecard.of(results)));
    if (several) {
      assimilation(b, results);
    }
    b.append(section);
    HindcastSummary d = HindcastSummary.dynamics(rows);
    b.append(
        "<h2>Overall</h2><p class=\"note\">\"Dynamics\" leaves out the travelled figures:"
            + " with no travel after the start the model's travelled count is its initial stock, the"
            + " same as persistence, so those rows test the data, not the dynamics.</p>");
    b.append(
        "<table class=\"numeric\"><tr><th>score</th><th>all figures</th><th>dynamics</th></tr>");
    row(b, "observations scored", s, d, h -> Numbers.num(h.scored()));
    row(b, "coverage of the 50% interval", s, d, h -> pct(h.coverage50()));
    row(b, "coverage of the 90% interval", s, d, h -> pct(h.coverage90()));
    row(b, "mean CRPS, model", s, d, h -> Numbers.num(h.crps()));
    row(b, "mean CRPS, persistence", s, d, h -> Numbers.num(h.crpsPersistence()));
    row(b, "CRPS skill vs persistence", s, d, h -> Numbers.fmt("%.3f", h.skillPersistence()));
    row(b, "model better than persistence", s, d, h -> pct(h.beatsPersistence()));
    row(b, "observations with a trend baseline", s, d, h -> Numbers.num(h.trendCount()));
    row(
        b,
        "mean CRPS on those, model / trend",
        s,
        d,
        h -> Numbers.num(h.crpsModelOnTrend()) + " / " + Numbers.num(h.crpsTrend()));
    row(b, "CRPS skill vs trend", s, d, h -> Numbers.fmt("%.3f", h.skillTrend()));
    row(b, "model better than trend", s, d, h -> pct(h.beatsTrend()));
    row(
        b,
        "median |log ratio| of median to observed",
        s,
        d,
        h -> Numbers.fmt("%.3f", h.medianAbsLogRatio()));
    row(b, "mean interval score (90%)", s, d, h -> Numbers.num(h.meanIntervalScore()));
    row(b, "listed with a reason, not scored", Numbers.num(s.notScored()), "");
    b.append("</table>");
    b.append(
        "<p class=\"note\">Blue: the forecast's 90% (thin) and 50% (thick) intervals and median"
            + " (dot); red: the observed range (pale when open-ended). Log scale.</p>");
    Map<String, List<IntervalChart.Column>> byMeasure = new LinkedHashMap<>();
    for (Hindcast.Result result : results) {
      for (Hindcast.Row r : result.scored()) {
        ObservationRecord o = r.record();
        var sc = r.score();
        byMeasure
            .computeIfAbsent(o.measure().id(), k -> new ArrayList<>())
            .add(
                new IntervalChart.Column(
                    (o.scope().equals("world") ? "world" : shortId(o.scopeId()))
                        + " "
                        + (o.demographic().equals("all") ? "" : o.demographic() + " ")
                        + o.date()
                        + (several ? " from " + result.asOf() : ""),
                    sc.p05(),
                    sc.p25(),
                    sc.p50(),
                    sc.p75(),
                    sc.p95(),
                    o.range().low(),
                    o.range().high()));
      }
    }
    for (var e : byMeasure.entrySet()) {
      b.append("<h2>").append(Html.esc(e.getKey())).append("</h2>");
      b.append(IntervalChart.svg(e.getValue()));
    }
    b.append(
        "<h2>Every observation</h2><table class=\"numeric\"><tr><th>observation</th><th>observed</th>"
            + "<th>source</th><th>month</th><th>median [90%]</th><th>in50</th><th>in90</th>"
            + "<th>CRPS</th><th>persistence</th><th>trend</th><th>log ratio</th><th>note</th></tr>");
    for (Hindcast.Result result : results) {
      for (Hindcast.Row r : result.rows()) {
        observationRow(b, r, several ? " from " + result.asOf() : "");
      }
    }
    b.append("</table>");
    String title = "Hindcast of " + results.get(0).scenario().name() + " from " + dates;
    return new Page(title).masthead("Hindcast", title, null).raw(b.toString()).write(file);
  }

  /** How the forecast was calibrated, in a sentence. */
  private static void calibration(StringBuilder b, Hindcast.Result result) {
    if (result.calibration() == null) {
      b.append(
          "No figure published by the as-of date could be laid out on the model:"
              + " the forecast uses the priors.");
    } else {
      var abc = result.calibration().abc();
      var last = abc.generations().get(abc.generations().size() - 1);
      b.append(
          Numbers.fmt(
              "Calibrated on %d figures published by the as-of date: ABC-SMC, %d"
                  + " simulations in %.1f s, %d generations, final tolerance %s, effective sample size"
                  + " %.0f.",
              result.calibrationRows().size(),
              abc.simulations(),
              result.seconds(),
              abc.generations().size(),
              Numbers.num(last.epsilon()),
              last.ess()));
    }
  }

  /** A row of the table of every observation; {@code from} names the forecast date if needed. */
  private static void observationRow(StringBuilder b, Hindcast.Row r, String from) {
    ObservationRecord o = r.record();
    b.append("<tr>").append(FigureCells.of(o));
    if (r.score() == null) {
      b.append("<td colspan=\"8\">").append(Html.esc(r.status())).append("</td>");
    } else {
      var sc = r.score();
      b.append(
          Html.cells(
              r.month() + Html.esc(from),
              Numbers.num(sc.p50())
                  + " ["
                  + Numbers.num(sc.p05())
                  + "–"
                  + Numbers.num(sc.p95())
                  + "]",
              sc.in50() ? "yes" : "no",
              sc.in90() ? "yes" : "no",
              Numbers.num(sc.crps()),
              Numbers.num(r.crpsPersistence()),
              Numbers.num(r.crpsTrend()),
              Numbers.fmt("%.2f", sc.logRatio())));
    }
    b.append("<td class=\"text\">").append(Html.esc(r.note())).append("</td></tr>");
  }

  /** A list of countries is named by its size (its members are in the tooltip and the table). */
  private static String shortId(String id) {
    return id.contains("+") ? (id.split("\\+").length + " countries") : id;
  }

  /** A row with the same cell for all figures and for the dynamics only. */
  private static void row(
      StringBuilder b,
      String k,
      HindcastSummary all,
      HindcastSummary dynamics,
      Function<HindcastSummary, String> cell) {
    row(b, k, cell.apply(all), cell.apply(dynamics));
  }

  private static void row(StringBuilder b, String k, String v, String w) {
    b.append(Html.row(Html.esc(k), v, w));
  }

  private static String pct(double x) {
    return Double.isNaN(x) ? "" : Numbers.fmt("%.0f%%", 100 * x);
  }

  /** Whether assimilation pays: each forecast date's mean CRPS on the figures every date scored. */
  private static void assimilation(StringBuilder b, List<Hindcast.Result> results) {
    HindcastScorecard.AssimilationPays pays = HindcastScorecard.assimilationPays(results);
    b.append("<h2>Does assimilation pay?</h2><p id=\"assimilation\">")
        .append(Html.esc(pays.sentence()))
        .append("</p>");
    if (pays.dates().isEmpty()) {
      return;
    }
    b.append(
        "<table class=\"numeric\"><tr><th>forecast date</th><th>mean CRPS on the same"
            + " figures</th><th>below the date before</th></tr>");
    for (int i = 0; i < pays.dates().size(); i++) {
      HindcastScorecard.Assimilation a = pays.dates().get(i);
      String fell = i == 0 ? "–" : a.meanCrps() < pays.dates().get(i - 1).meanCrps() ? "yes" : "no";
      b.append(Html.row(a.asOf().toString(), Numbers.num(a.meanCrps()), fell));
    }
    b.append("</table>");
  }
}
