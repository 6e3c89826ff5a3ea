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
    h.append(Html.esc(PublishedScorecard.boxText(scenario)));
    return h.append("</p><p class=\"note\">How the scores are defined and the command behind")
        .append(" them: <code>docs/VALIDATION.md</code> (section Scorecard) in the Dispersal")
        .append(" sources.</p></div>")
        .toString();
  }
}
