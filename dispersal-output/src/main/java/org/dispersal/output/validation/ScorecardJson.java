package org.dispersal.output.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.HindcastScorecard;
import org.dispersal.hindcast.HypothesisHindcast;
import org.dispersal.hindcast.RollingRecalibration;
import org.dispersal.output.text.Json;
import org.dispersal.scoring.Recalibration;
import org.dispersal.scoring.Scorecard;

/**
 * Writes {@code scorecard.json}, the hindcast's scorecard ({@link Scorecard}) with the command that
 * produced it, next to {@code hindcast.csv}. Keys: {@code scenario}, {@code command}, {@code
 * forecast_dates}, {@code resamples}, {@code bootstrap_seed}, {@code verdict} ({@code summary},
 * {@code targets}), {@code pooled} (a group per horizon: {@code all}, {@code 0-6}, {@code 7-12},
 * {@code 13-24}, {@code 25-36}), {@code by_date} (the same groups for each forecast date) and
 * {@code by_kind} (all horizons and dates pooled, by what the figures count, {@code by} {@code
 * measure} and {@code value} its id, then by whether the quantity had been counted by the forecast
 * date, {@code by} {@code earlier_count} and {@code value} {@code yes} or {@code no}). A group has
 * {@code figures}, {@code sources}, {@code coverage} (nominal {@code level}, {@code observed},
 * bootstrap {@code ci}), {@code pit_histogram}, {@code crps}, {@code crps_log}, {@code skill}
 * (persistence and trend, by people and per figure) and {@code median_width90}. A value that cannot
 * be computed is null; an interval is {@code [low, high]}.
 *
 * <p>Rolling origins add {@code recalibrated}: the method's constants ({@code prior_figures},
 * {@code min_spread}), {@code learned_from} (each forecast date with the number of earlier
 * forecasts it learnt from, 0 when it stayed raw), its {@code verdict} and {@code pooled} groups,
 * as above but of the recalibrated forecasts ({@link RollingRecalibration}). Two forecast dates or
 * more add {@code assimilation}: each date's {@code mean_crps} on the {@code figures} every date
 * scored, the {@code pairs} of dates compared and {@code later_better}, the {@code status} ({@code
 * met} when every later date beat every earlier one) and its {@code text} ({@link
 * HindcastScorecard.AssimilationPays}).
 */
public final class ScorecardJson {

  private ScorecardJson() {}

  /** Writes the scorecard of one hindcast. */
  public static void write(Hindcast.Result result, String command, Path file) throws IOException {
    write(List.of(result), command, file);
  }

  /** Writes the scorecard of several hindcasts, one per forecast date, pooled. */
  public static void write(List<Hindcast.Result> results, String command, Path file)
      throws IOException {
    Json.write(tree(results, HindcastScorecard.of(results), command), file);
  }

  /**
   * Writes the scorecard of several hindcasts with that of their recalibrated forecasts.
   *
   * @param results the raw hindcasts, one per forecast date
   * @param recalibrated the same, recalibrated on earlier dates, in the same order
   * @param command the command
   * @param file the file
   */
  public static void write(
      List<Hindcast.Result> results,
      List<RollingRecalibration.Date> recalibrated,
      String command,
      Path file)
      throws IOException {
    ObjectNode root = tree(results, HindcastScorecard.of(results), command);
    ObjectNode recal = root.putObject("recalibrated");
    recal.put("method", "conformal, log scale, from earlier forecast dates' residuals");
    recal.put("prior_figures", Recalibration.PRIOR_FIGURES);
    recal.put("min_spread", Recalibration.MIN_SPREAD);
    ArrayNode learned = recal.putArray("learned_from");
    for (RollingRecalibration.Date d : recalibrated) {
      ObjectNode o = learned.addObject();
      o.put("as_of", d.result().asOf().toString());
      o.put("figures", d.learnedFrom());
    }
    Scorecard card = HindcastScorecard.of(RecalibrationSection.results(recalibrated));
    ObjectNode verdict = recal.putObject("verdict");
    verdict.put("summary", card.verdict().summary());
    targets(verdict, card);
    groups(recal.putArray("pooled"), card.pooled());
    Json.write(root, file);
  }

  /**
   * Writes the scorecard of the mixture of competing hypotheses on rolling origins, with their
   * stacking weights and scores ({@link StackingOutputs#json}).
   */
  public static void write(HypothesisHindcast.Result stacking, String command, Path file)
      throws IOException {
    ObjectNode root = tree(stacking.mixture(), HindcastScorecard.of(stacking.mixture()), command);
    StackingOutputs.json(root, stacking);
    Json.write(root, file);
  }

  /** The document. */
  static ObjectNode tree(List<Hindcast.Result> results, Scorecard card, String command) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("scenario", results.isEmpty() ? "" : results.get(0).scenario().name());
    root.put("command", command);
    root.put(
        "published_figures",
        !results.isEmpty() && results.stream().allMatch(r -> r.reporting() != null));
    ArrayNode dates = root.putArray("forecast_dates");
    results.forEach(r -> dates.add(r.asOf().toString()));
    root.put("resamples", card.resamples());
    root.put("bootstrap_seed", card.seed());
    ObjectNode verdict = root.putObject("verdict");
    verdict.put("summary", card.verdict().summary());
    targets(verdict, card);
    groups(root.putArray("pooled"), card.pooled());
    ArrayNode byDate = root.putArray("by_date");
    for (Scorecard.DateGroups d : card.dates()) {
      ObjectNode o = byDate.addObject();
      o.put("as_of", d.asOf().toString());
      groups(o.putArray("groups"), d.groups());
    }
    ArrayNode kinds = root.putArray("by_kind");
    for (Scorecard.Kind k : card.kinds()) {
      groups(kinds, List.of(k.group()));
      ObjectNode o = (ObjectNode) kinds.get(kinds.size() - 1);
      o.put("by", k.by());
      o.put("value", k.value());
    }
    if (results.size() > 1) {
      assimilation(root.putObject("assimilation"), results);
    }
    return root;
  }

  /** Whether assimilation pays on the figures every forecast date scored (rolling origins). */
  private static void assimilation(ObjectNode o, List<Hindcast.Result> results) {
    HindcastScorecard.AssimilationPays pays = HindcastScorecard.assimilationPays(results);
    o.put(
        "goal",
        "every later forecast date scores the figures every date scored better (lower mean CRPS)"
            + " than every earlier date");
    o.put("figures", pays.dates().isEmpty() ? 0 : pays.dates().get(0).figures());
    ArrayNode dates = o.putArray("mean_crps");
    for (HindcastScorecard.Assimilation a : pays.dates()) {
      dates.addObject().put("as_of", a.asOf().toString()).put("mean_crps", a.meanCrps());
    }
    o.put("pairs", pays.pairs());
    o.put("later_better", pays.laterBetter());
    o.put("status", pays.pairs() == 0 ? "not measured" : pays.met() ? "met" : "missed");
    o.put("text", pays.sentence());
  }

  private static void targets(ObjectNode verdict, Scorecard card) {
    ArrayNode targets = verdict.putArray("targets");
    for (Scorecard.Target t : card.verdict().targets()) {
      ObjectNode o = targets.addObject();
      o.put("id", t.id());
      o.put("goal", t.goal());
      o.put("status", t.status().name().toLowerCase(Locale.ROOT));
      number(o, "value", t.value());
      interval(o, t.ci());
      o.put("text", t.text());
    }
  }

  private static void groups(ArrayNode out, List<Scorecard.Group> groups) {
    for (Scorecard.Group g : groups) {
      ObjectNode o = out.addObject();
      o.put("horizon", g.horizon());
      o.put("figures", g.figures());
      o.put("sources", g.sources());
      ArrayNode coverage = o.putArray("coverage");
      for (Scorecard.Coverage c : g.coverage()) {
        ObjectNode e = coverage.addObject();
        e.put("level", c.level());
        number(e, "observed", c.observed());
        interval(e, c.ci());
      }
      ArrayNode pit = o.putArray("pit_histogram");
      for (double share : g.pitHistogram()) {
        pit.add(share);
      }
      number(o, "crps", g.crps());
      number(o, "crps_log", g.crpsLog());
      ObjectNode skill = o.putObject("skill");
      skill(skill, "persistence_people", g.persistencePeople());
      skill(skill, "persistence_equal", g.persistenceEqual());
      skill(skill, "trend_people", g.trendPeople());
      skill(skill, "trend_equal", g.trendEqual());
      number(o, "median_width90", g.medianWidth90());
    }
  }

  private static void skill(ObjectNode parent, String key, Scorecard.Skill s) {
    ObjectNode o = parent.putObject(key);
    number(o, "value", s.value());
    interval(o, s.ci());
    o.put("figures", s.figures());
  }

  private static void interval(ObjectNode o, Scorecard.Interval ci) {
    if (Double.isNaN(ci.low())) {
      o.putNull("ci");
    } else {
      o.putArray("ci").add(ci.low()).add(ci.high());
    }
  }

  private static void number(ObjectNode o, String key, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      o.putNull(key);
    } else {
      o.put(key, value);
    }
  }
}
