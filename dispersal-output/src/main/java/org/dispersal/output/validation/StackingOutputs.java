package org.dispersal.output.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dispersal.hindcast.HypothesisHindcast;
import org.dispersal.output.page.Html;
import org.dispersal.output.text.Csv;

/**
 * The files of the hypotheses' rolling-origin hindcast ({@link HypothesisHindcast}): {@code
 * stacking.csv} ({@code as_of,hypothesis,weight,basis,figures,prior}: the weights at each forecast
 * date, then at any further date asked for), {@code hypotheses.csv} ({@code
 * as_of,forecast,figures,mean_crps,mean_log_score,coverage_50,coverage_90}: each hypothesis alone
 * and the mixture at each date, then pooled with {@code as_of} {@code pooled}), the section of
 * hindcast.html and the {@code stacking} object of scorecard.json.
 */
public final class StackingOutputs {

  /** The header of stacking.csv. */
  public static final String STACKING_HEADER = "as_of,hypothesis,weight,basis,figures,prior";

  /** The header of hypotheses.csv. */
  public static final String SCORES_HEADER =
      "as_of,forecast,figures,mean_crps,mean_log_score,coverage_50,coverage_90";

  private StackingOutputs() {}

  /**
   * Writes stacking.csv.
   *
   * @param result the hypotheses' hindcast
   * @param extra weights at further dates (for example the scenario's start), possibly empty
   * @param file where
   */
  public static void writeWeights(
      HypothesisHindcast.Result result, List<HypothesisHindcast.Weights> extra, Path file)
      throws IOException {
    StringBuilder b = new StringBuilder(STACKING_HEADER).append('\n');
    for (HypothesisHindcast.Weights w : result.weights()) {
      weightRows(b, result, w);
    }
    for (HypothesisHindcast.Weights w : extra) {
      weightRows(b, result, w);
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static void weightRows(
      StringBuilder b, HypothesisHindcast.Result result, HypothesisHindcast.Weights w) {
    double[] weights = w.weights();
    for (int h = 0; h < result.ids().size(); h++) {
      b.append(
          Csv.line(
              w.asOf().toString(),
              result.ids().get(h),
              Numbers.fmt("%.6f", weights[h]),
              w.basis().id(),
              Integer.toString(w.figures()),
              Numbers.fmt("%.6f", result.prior()[h])));
    }
  }

  /** Writes hypotheses.csv. */
  public static void writeScores(HypothesisHindcast.Result result, Path file) throws IOException {
    StringBuilder b = new StringBuilder(SCORES_HEADER).append('\n');
    List<java.time.LocalDate> dates = result.dates();
    for (int d = 0; d < dates.size(); d++) {
      for (HypothesisHindcast.Scores s : result.scoresAt(d)) {
        scoreRow(b, dates.get(d).toString(), s);
      }
    }
    for (HypothesisHindcast.Scores s : result.pooled()) {
      scoreRow(b, "pooled", s);
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static void scoreRow(StringBuilder b, String asOf, HypothesisHindcast.Scores s) {
    b.append(asOf)
        .append(',')
        .append(Csv.field(s.label()))
        .append(',')
        .append(s.figures())
        .append(',')
        .append(Numbers.csvFields(s.meanCrps(), s.meanLogScore(), s.coverage50(), s.coverage90()))
        .append('\n');
  }

  /**
   * The best single hypothesis pooled over the dates: the highest mean log score.
   *
   * @param result the hypotheses' hindcast
   * @return its pooled scores
   */
  public static HypothesisHindcast.Scores bestSingle(HypothesisHindcast.Result result) {
    List<HypothesisHindcast.Scores> pooled = result.pooled();
    HypothesisHindcast.Scores best = pooled.get(0);
    for (HypothesisHindcast.Scores s : pooled.subList(0, pooled.size() - 1)) {
      if (s.meanLogScore() > best.meanLogScore()) {
        best = s;
      }
    }
    return best;
  }

  /** The section of hindcast.html. */
  public static String html(HypothesisHindcast.Result result) {
    StringBuilder b = new StringBuilder();
    b.append("<h2>Competing hypotheses, weighted by stacking</h2>");
    b.append(
        "<p class=\"note\">Each hypothesis is hindcast from every forecast date. The weights at a"
            + " date maximise the mixture's log score on the figures that earlier forecast dates"
            + " scored and that were public by the date (predictive stacking, Yao, Vehtari, Simpson"
            + " and Gelman 2018); at the first date no such figure exists and the prior weights of"
            + " the scenario file stand. Everything above this section scores the mixture.</p>");
    b.append("<table class=\"numeric\"><tr><th>forecast date</th><th>basis</th><th>figures</th>");
    for (String id : result.ids()) {
      b.append("<th>").append(Html.esc(id)).append("</th>");
    }
    b.append("</tr>");
    b.append("<tr><td>prior</td><td></td><td></td>");
    for (double p : result.prior()) {
      b.append("<td>").append(Numbers.fmt("%.2f", p)).append("</td>");
    }
    b.append("</tr>");
    for (HypothesisHindcast.Weights w : result.weights()) {
      b.append("<tr><td>")
          .append(w.asOf())
          .append("</td><td>")
          .append(w.basis().id())
          .append("</td><td>")
          .append(w.figures())
          .append("</td>");
      for (double x : w.weights()) {
        b.append("<td>").append(Numbers.fmt("%.2f", x)).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table>");
    HypothesisHindcast.Scores best = bestSingle(result);
    List<HypothesisHindcast.Scores> pooled = result.pooled();
    HypothesisHindcast.Scores mix = pooled.get(pooled.size() - 1);
    b.append(
        Numbers.fmt(
            "<p>Pooled over the dates, the mixture's mean log score is %.3f against %.3f for the"
                + " best single hypothesis (%s), a gain of %.3f nats per figure; mean CRPS %s"
                + " against %s.</p>",
            mix.meanLogScore(),
            best.meanLogScore(),
            Html.esc(best.label()),
            mix.meanLogScore() - best.meanLogScore(),
            Numbers.num(mix.meanCrps()),
            Numbers.num(best.meanCrps())));
    b.append(
        "<table class=\"numeric\"><tr><th>forecast</th><th>figures</th><th>mean log score</th>"
            + "<th>mean CRPS</th><th>50% holds</th><th>90% holds</th></tr>");
    for (HypothesisHindcast.Scores s : pooled) {
      b.append(
          Html.row(
              Html.esc(s.label()),
              Numbers.num(s.figures()),
              Numbers.fmt("%.3f", s.meanLogScore()),
              Numbers.num(s.meanCrps()),
              Numbers.fmt("%.0f%%", 100 * s.coverage50()),
              Numbers.fmt("%.0f%%", 100 * s.coverage90())));
    }
    b.append("</table>");
    return b.toString();
  }

  /** Adds the {@code stacking} object to a scorecard.json tree. */
  public static void json(ObjectNode root, HypothesisHindcast.Result result) {
    ObjectNode o = root.putObject("stacking");
    ArrayNode ids = o.putArray("hypotheses");
    result.ids().forEach(ids::add);
    ArrayNode prior = o.putArray("prior");
    for (double p : result.prior()) {
      prior.add(p);
    }
    ArrayNode weights = o.putArray("weights");
    for (HypothesisHindcast.Weights w : result.weights()) {
      ObjectNode e = weights.addObject();
      e.put("as_of", w.asOf().toString());
      e.put("basis", w.basis().id());
      e.put("figures", w.figures());
      ArrayNode v = e.putArray("weights");
      for (double x : w.weights()) {
        v.add(x);
      }
    }
    ArrayNode pooled = o.putArray("pooled");
    for (HypothesisHindcast.Scores s : result.pooled()) {
      ObjectNode e = pooled.addObject();
      e.put("forecast", s.label());
      e.put("figures", s.figures());
      e.put("mean_log_score", s.meanLogScore());
      e.put("mean_crps", s.meanCrps());
      e.put("coverage_50", s.coverage50());
      e.put("coverage_90", s.coverage90());
    }
    o.put("best_single", bestSingle(result).label());
  }
}
