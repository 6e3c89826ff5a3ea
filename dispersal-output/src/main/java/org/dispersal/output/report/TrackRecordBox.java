package org.dispersal.output.report;

import org.dispersal.output.page.Html;
import org.dispersal.output.validation.PublishedScorecard;

/**
 * The report's "How good is this forecast?" box: the latest scored hindcast of the scenario in
 * plain words, from its shipped scorecard, or a plain statement that none has scored it.
 */
final class TrackRecordBox {

  private TrackRecordBox() {}

  /** The box for a scenario. */
  static String html(String scenario) {
    StringBuilder h =
        new StringBuilder(
            "<div class=\"summary\" id=\"track-record\"><p><strong>How good is this"
                + " forecast?</strong> ");
    var card = PublishedScorecard.shipped(scenario);
    if (card.isEmpty()) {
      h.append("No hindcast has scored ")
          .append(Html.esc(scenario))
          .append(
              " against figures published later, so how often its intervals hold the truth is"
                  + " unknown. Read its probabilities as the model's, not as calibrated odds.");
    } else {
      PublishedScorecard c = card.get();
      h.append(Html.esc(c.inWords())).append(' ').append(Html.esc(c.targets()));
      if (!c.command().contains("--no-reporting-model")) {
        h.append(
            " Those intervals are for the figures the sources would publish (the reporting model,"
                + " docs/REPORTING.md); the intervals in this report are for the counts themselves"
                + " and are narrower.");
      }
    }
    return h.append("</p><p class=\"note\">How the scores are defined and the command behind")
        .append(" them: <code>docs/VALIDATION.md</code> (section Scorecard) in the Dispersal")
        .append(" sources.</p></div>")
        .toString();
  }
}
