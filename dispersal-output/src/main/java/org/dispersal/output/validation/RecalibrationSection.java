package org.dispersal.output.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.HindcastScorecard;
import org.dispersal.hindcast.RollingRecalibration;
import org.dispersal.output.page.Html;
import org.dispersal.scoring.Recalibration;
import org.dispersal.scoring.Scorecard;

/**
 * The recalibration section of a rolling-origin {@code hindcast.html}: the raw and the recalibrated
 * forecasts' scores side by side ({@link RollingRecalibration}), over every forecast date and over
 * the dates that had something to learn from, with how many earlier forecasts each date learnt
 * from.
 */
public final class RecalibrationSection {

  private RecalibrationSection() {}

  /** The four scorecards the section compares. */
  private record Cards(
      Scorecard raw, Scorecard recal, Scorecard rawLearnt, Scorecard recalLearnt) {}

  /**
   * The section's markup.
   *
   * @param raw the raw hindcasts, one per forecast date
   * @param recalibrated the same, recalibrated, in the same order
   */
  public static String html(
      List<Hindcast.Result> raw, List<RollingRecalibration.Date> recalibrated) {
    List<Hindcast.Result> rawLearnt = new ArrayList<>();
    List<Hindcast.Result> recalLearnt = new ArrayList<>();
    for (int d = 0; d < raw.size(); d++) {
      if (recalibrated.get(d).learnedFrom() > 0) {
        rawLearnt.add(raw.get(d));
        recalLearnt.add(recalibrated.get(d).result());
      }
    }
    Cards c =
        new Cards(
            HindcastScorecard.of(raw),
            HindcastScorecard.of(results(recalibrated)),
            HindcastScorecard.of(rawLearnt),
            HindcastScorecard.of(recalLearnt));
    StringBuilder b = new StringBuilder();
    b.append("<h2 id=\"recalibration\">Recalibrated on earlier forecast dates</h2>");
    b.append(
        Numbers.fmt(
            "<p>Each forecast date's forecasts are widened and shifted on the log scale by the"
                + " standardized residuals of the earlier forecast dates' forecasts, on the figures"
                + " that were public by that date only: a figure published later never informs it."
                + " A date with nothing earlier to learn from stays raw. The raw forecast keeps a"
                + " prior weight of %.0f figures; an ensemble's log-scale spread counts as at"
                + " least %.2f (docs/VALIDATION.md, \"Recalibration on earlier forecast dates\").</p>",
            Recalibration.PRIOR_FIGURES, Recalibration.MIN_SPREAD));
    b.append("<div class=\"summary\"><p>Recalibrated: ")
        .append(Html.esc(c.recal().verdict().summary()))
        .append("</p><ul>");
    for (Scorecard.Target t : c.recal().verdict().targets()) {
      b.append("<li>").append(Html.esc(t.text())).append("</li>");
    }
    b.append("</ul></div>");
    b.append(
        "<table class=\"numeric\"><tr><th>score, all horizons</th><th>raw, every date</th>"
            + "<th>recalibrated, every date</th><th>raw, dates that learnt</th>"
            + "<th>recalibrated, dates that learnt</th></tr>");
    row(b, "figures", c, g -> Numbers.num(g.figures()));
    for (double level : new double[] {0.5, 0.8, 0.9, 0.95}) {
      row(
          b,
          "coverage of the central " + Scorecard.pct(level),
          c,
          g -> ScorecardSection.withInterval(g.at(level).observed(), g.at(level).ci()));
    }
    row(b, "mean CRPS, people", c, g -> Numbers.num(g.crps()));
    row(b, "mean CRPS, log scale", c, g -> Numbers.fmt("%.3f", g.crpsLog()));
    row(
        b,
        "skill vs persistence, per figure",
        c,
        g -> ScorecardSection.skill(g.persistenceEqual()));
    row(
        b,
        "skill vs persistence, by people",
        c,
        g -> ScorecardSection.skill(g.persistencePeople()));
    row(b, "skill vs trend, per figure", c, g -> ScorecardSection.skill(g.trendEqual()));
    row(b, "skill vs trend, by people", c, g -> ScorecardSection.skill(g.trendPeople()));
    row(b, "90% width / median", c, g -> Numbers.fmt("%.1f", g.medianWidth90()));
    b.append("</table>");
    b.append("<p class=\"note\">Earlier forecasts each date learnt from: ");
    for (int d = 0; d < recalibrated.size(); d++) {
      RollingRecalibration.Date date = recalibrated.get(d);
      b.append(d > 0 ? "; " : "")
          .append(date.result().asOf())
          .append(' ')
          .append(date.learnedFrom() == 0 ? "none (raw)" : Numbers.num(date.learnedFrom()));
    }
    b.append(
        ". The baselines are not recalibrated; the bootstrap intervals resample sources as in the"
            + " scorecard above.</p>");
    return b.toString();
  }

  /** The recalibrated hindcasts. */
  static List<Hindcast.Result> results(List<RollingRecalibration.Date> dates) {
    return dates.stream().map(RollingRecalibration.Date::result).toList();
  }

  private static void row(
      StringBuilder b, String label, Cards c, Function<Scorecard.Group, String> cell) {
    b.append("<tr><td>").append(Html.esc(label)).append("</td>");
    for (Scorecard card : List.of(c.raw(), c.recal(), c.rawLearnt(), c.recalLearnt())) {
      Scorecard.Group g = card.overall();
      b.append("<td>").append(g.figures() == 0 ? "–" : cell.apply(g)).append("</td>");
    }
    b.append("</tr>");
  }
}
