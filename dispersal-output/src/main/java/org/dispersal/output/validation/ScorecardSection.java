package org.dispersal.output.validation;

import java.util.List;
import java.util.function.Function;
import org.dispersal.output.page.Html;
import org.dispersal.scoring.Scorecard;

/**
 * The scorecard at the top of {@code hindcast.html}: the verdict first, then what each score means,
 * coverage by horizon, the PIT histogram and reliability diagram, CRPS and skill by horizon with
 * bootstrap intervals, and the scores of each forecast date beside the pooled ones.
 */
final class ScorecardSection {

  private ScorecardSection() {}

  /** The section's markup. */
  static String html(Scorecard card) {
    StringBuilder b = new StringBuilder();
    Scorecard.Group all = card.overall();
    b.append("<h2 id=\"verdict\">Verdict</h2><div class=\"summary\"><p>")
        .append(Html.esc(card.verdict().summary()))
        .append("</p><ul>");
    for (Scorecard.Target t : card.verdict().targets()) {
      b.append("<li>").append(Html.esc(t.text())).append("</li>");
    }
    b.append("</ul></div>");
    b.append(
        Numbers.fmt(
            "<p class=\"note\">The targets are those of issue #13 (docs/VALIDATION.md). Bootstrap"
                + " intervals: %d resamples of the sources with replacement (seed %d); figures of"
                + " one source stay together because they share its definitions and errors.</p>",
            card.resamples(), card.seed()));
    b.append("<h2>How to read these scores</h2><ul class=\"note\">");
    explain(
        b,
        "Coverage",
        "the share of figures whose observed range overlaps the forecast's central interval. A"
            + " calibrated forecast's 90% intervals hold about 90% of the figures; far fewer means"
            + " the intervals are too narrow, more that they are too wide.");
    explain(
        b,
        "PIT",
        "where the observed figure falls in the forecast distribution, from 0 (below every"
            + " replication) to 1 (above every one). For a calibrated forecast the PIT values are"
            + " spread evenly, so the histogram is flat at 1; a U shape means intervals too"
            + " narrow, a hump too wide, a slope a bias. A count or range has a PIT interval"
            + " [F(a−1), F(b)], spread evenly over the bins (Czado, Gneiting & Held 2009).");
    explain(
        b,
        "Reliability diagram",
        "the observed coverage of the central 10%, 20%, …, 90% intervals against the nominal"
            + " one; a calibrated forecast lies on the diagonal, a forecast too sure of itself"
            + " below it.");
    explain(
        b,
        "CRPS",
        "the continuous ranked probability score: how far the whole forecast distribution lies"
            + " from the observed figure, in people (0 is perfect; for a forecast without spread it"
            + " is the absolute error). On the log scale it compares log(1 + x), so a miss by a"
            + " factor counts the same for a figure of 40 as for one of 40,000.");
    explain(
        b,
        "Skill",
        "1 − CRPS of the model / CRPS of a baseline: 100% is perfect, 0 no better than the"
            + " baseline, negative worse. Persistence keeps every state's share as at the forecast"
            + " date; the linear trend extrapolates the last two figures published for the same"
            + " scope and measure (only figures with such a history). Weighted by people, large"
            + " figures dominate; weighted equally per figure, each figure's CRPS is divided by"
            + " its size (1 + the observed value) first, so every figure counts alike.");
    explain(
        b,
        "Width",
        "the median over figures of the 90% interval's width divided by the median forecast: a"
            + " forecast can be calibrated and still too vague to use.");
    b.append("</ul>");

    List<Scorecard.Group> pooled = card.pooled();
    b.append("<h2>Coverage of the central intervals</h2>")
        .append(
            "<p class=\"note\">Each cell: the share of figures covered, with its bootstrap 90%"
                + " interval; pooled over every forecast date.</p>");
    b.append("<table class=\"numeric\"><tr><th>interval</th>");
    header(b, pooled);
    row(b, "figures", pooled, g -> Numbers.num(g.figures()));
    for (double level : new double[] {0.5, 0.8, 0.9, 0.95}) {
      row(
          b,
          "central " + Scorecard.pct(level),
          pooled,
          g -> withInterval(g.at(level).observed(), g.at(level).ci()));
    }
    b.append("</table>");
    b.append("<div class=\"two-col\"><figure>")
        .append(ScorecardCharts.pit(all))
        .append(
            "<figcaption class=\"note\">PIT histogram, all horizons: the bars would be flat at"
                + " the dashed line if the forecast were calibrated.</figcaption></figure><figure>")
        .append(ScorecardCharts.reliability(all))
        .append(
            "<figcaption class=\"note\">Reliability: dots below the dashed diagonal mean the"
                + " intervals hold fewer figures than they claim. Bars: bootstrap 90%"
                + " intervals.</figcaption></figure></div>");

    b.append("<h2>CRPS and skill by horizon</h2>")
        .append(
            "<p class=\"note\">Horizon: the months from the forecast date to the figure's date."
                + " Skill cells give the bootstrap 90% interval in brackets.</p>");
    b.append("<table class=\"numeric\"><tr><th>score</th>");
    header(b, pooled);
    skillRows(b, pooled);
    b.append("</table>");

    b.append("<h2>By forecast date</h2>")
        .append(
            "<p class=\"note\">All horizons, each forecast date on its own and pooled. Later"
                + " forecast dates should score better on the same figures: they know more.</p>");
    b.append(
        "<table class=\"numeric\"><tr><th>forecast date</th><th>figures</th><th>sources</th>"
            + "<th>50% coverage</th><th>90% coverage</th><th>mean CRPS</th>"
            + "<th>skill vs persistence, per figure</th><th>skill vs trend, per figure</th>"
            + "<th>skill vs persistence, by people</th><th>skill vs trend, by people</th></tr>");
    for (Scorecard.DateGroups d : card.dates()) {
      dateRow(b, d.asOf().toString(), d.groups().get(0));
    }
    dateRow(b, "pooled", all);
    b.append("</table>");
    kinds(b, card);
    return b.toString();
  }

  /**
   * The pooled scores by what the figures count, and by whether the quantity had been counted by
   * the forecast date: where it had, the model starts from a figure; where not, from the scenario's
   * shares, and persistence shares that guess.
   */
  private static void kinds(StringBuilder b, Scorecard card) {
    if (card.kinds().isEmpty()) {
      return;
    }
    b.append("<h2>By what is counted</h2>")
        .append(
            "<p class=\"note\">All horizons and forecast dates pooled. \"Counted before\": a"
                + " figure of the same scope, measure and definition was public by the forecast"
                + " date, so the forecast starts from a published figure; \"not counted before\":"
                + " none was, so its starting value comes from the scenario's shares, which"
                + " persistence shares too. A skill against the trend rests on the figures with"
                + " a trend only, often a handful.</p>");
    b.append(
        "<table class=\"numeric\"><tr><th>figures of</th><th>figures</th><th>sources</th>"
            + "<th>50% coverage</th><th>90% coverage</th><th>mean CRPS</th>"
            + "<th>skill vs persistence, per figure</th><th>skill vs trend, per figure</th>"
            + "<th>skill vs persistence, by people</th><th>skill vs trend, by people</th></tr>");
    for (Scorecard.Kind k : card.kinds()) {
      String label =
          k.by().equals(Scorecard.BY_EARLIER_COUNT)
              ? (k.value().equals("yes") ? "counted before" : "not counted before")
              : k.value().replace('_', ' ');
      dateRow(b, label, k.group());
    }
    b.append("</table>");
  }

  private static void skillRows(StringBuilder b, List<Scorecard.Group> groups) {
    row(b, "figures", groups, g -> Numbers.num(g.figures()));
    row(b, "sources", groups, g -> Numbers.num(g.sources()));
    row(b, "mean CRPS, people", groups, g -> Numbers.num(g.crps()));
    row(b, "mean CRPS, log scale", groups, g -> Numbers.fmt("%.3f", g.crpsLog()));
    row(b, "skill vs persistence, per figure", groups, g -> skill(g.persistenceEqual()));
    row(b, "skill vs persistence, by people", groups, g -> skill(g.persistencePeople()));
    row(b, "figures with a trend", groups, g -> Numbers.num(g.trendEqual().figures()));
    row(b, "skill vs trend, per figure", groups, g -> skill(g.trendEqual()));
    row(b, "skill vs trend, by people", groups, g -> skill(g.trendPeople()));
    row(b, "90% width / median", groups, g -> Numbers.fmt("%.1f", g.medianWidth90()));
  }

  private static void dateRow(StringBuilder b, String label, Scorecard.Group g) {
    b.append(
        Html.row(
            Html.esc(label),
            Numbers.num(g.figures()),
            Numbers.num(g.sources()),
            withInterval(g.at(0.5).observed(), g.at(0.5).ci()),
            withInterval(g.at(0.9).observed(), g.at(0.9).ci()),
            Numbers.num(g.crps()),
            skill(g.persistenceEqual()),
            skill(g.trendEqual()),
            skill(g.persistencePeople()),
            skill(g.trendPeople())));
  }

  private static void explain(StringBuilder b, String term, String text) {
    b.append("<li><b>").append(Html.esc(term)).append("</b>: ").append(Html.esc(text));
    b.append("</li>");
  }

  private static void header(StringBuilder b, List<Scorecard.Group> groups) {
    for (Scorecard.Group g : groups) {
      b.append("<th>")
          .append(
              g.horizon().equals("all")
                  ? "all horizons"
                  : g.horizon().replace('-', '–') + " months")
          .append("</th>");
    }
    b.append("</tr>");
  }

  private static void row(
      StringBuilder b,
      String label,
      List<Scorecard.Group> groups,
      Function<Scorecard.Group, String> cell) {
    b.append("<tr><td>").append(Html.esc(label)).append("</td>");
    for (Scorecard.Group g : groups) {
      b.append("<td>").append(g.figures() == 0 ? "–" : cell.apply(g)).append("</td>");
    }
    b.append("</tr>");
  }

  static String skill(Scorecard.Skill s) {
    return withInterval(Scorecard.skillPct(s.value()), s.ci(), Scorecard.skillInterval(s.ci()));
  }

  static String withInterval(double share, Scorecard.Interval ci) {
    return withInterval(Scorecard.pct(share), ci, Scorecard.pctInterval(ci));
  }

  private static String withInterval(String value, Scorecard.Interval ci, String interval) {
    return Double.isNaN(ci.low())
        ? Html.esc(value)
        : Html.esc(value) + " <span class=\"ci\">[" + Html.esc(interval) + "]</span>";
  }
}
