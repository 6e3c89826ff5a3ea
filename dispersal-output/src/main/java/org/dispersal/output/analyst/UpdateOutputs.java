package org.dispersal.output.analyst;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.Event;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.hypotheses.Indicator;
import org.dispersal.hypotheses.MixtureForecast;
import org.dispersal.hypotheses.OddsUpdate;
import org.dispersal.hypotheses.Updater;
import org.dispersal.hypotheses.WatchList;
import org.dispersal.model.State;
import org.dispersal.output.page.Html;
import org.dispersal.output.page.InlineHashes;
import org.dispersal.output.page.Page;
import org.dispersal.output.text.Csv;
import org.dispersal.output.text.Json;

/**
 * Writes the outputs of {@code dispersal update}: {@code weights.csv} (each hypothesis's prior and
 * updated weight, with ICD 203 words), {@code update.csv} (the audit trail: every evidence item
 * and, for each hypothesis, the likelihood, likelihood ratios and weights before and after), {@code
 * events.csv} (every report and what became of it: counted, duplicate, after the as-of date),
 * {@code indicators.csv} (state, diagnosticity and the ranking of indicators to watch), {@code
 * update.json} (all of it as one JSON document) and {@code update.html}, which shows all of it with
 * the mixture forecast's per-hypothesis headline when one was run.
 *
 * <p>It is over 500 lines because it writes six files from one update, and the page, the JSON and
 * the CSV files must say the same things; keeping them together keeps them in step.
 */
public final class UpdateOutputs {

  private static final String[] COLOURS = {
    "#1f4e79", "#b7791f", "#9b2c2c", "#2f6b3a", "#6b46c1", "#4a5a6a", "#c05621", "#2c7a7b"
  };

  private UpdateOutputs() {}

  /**
   * Everything the outputs show.
   *
   * @param result the update
   * @param diagnosticity one per indicator, in set order
   * @param watch the pending indicators ranked, most informative first
   * @param watchReliability the reliability assumed for a future sighting in the ranking
   * @param sources the event files read, with their formats
   * @param notes what the readers noted
   */
  public record Report(
      Updater.Result result,
      List<Diagnosticity> diagnosticity,
      List<WatchList.Watch> watch,
      double watchReliability,
      List<String> sources,
      List<String> notes) {

    /**
     * The report of an update: every indicator's diagnosticity at the prior weights, and the
     * indicators still pending ranked for watching at the updated weights.
     *
     * @param flatFactor the odds factor at or below which an indicator is flagged as flat
     * @param reliability the reliability assumed for a future sighting
     */
    public static Report of(
        Updater.Result result,
        double flatFactor,
        double reliability,
        List<String> sources,
        List<String> notes) {
      List<Diagnosticity> diagnosticity = new ArrayList<>();
      for (Indicator i : result.set().indicators()) {
        diagnosticity.add(Diagnosticity.of(i, result.prior(), flatFactor));
      }
      List<Indicator> pending = new ArrayList<>();
      for (Updater.Status s : result.statuses()) {
        if (s.outcome() == Updater.Outcome.PENDING) {
          pending.add(s.indicator());
        }
      }
      List<WatchList.Watch> watch = WatchList.rank(pending, result.posterior(), reliability);
      return new Report(result, diagnosticity, watch, reliability, sources, notes);
    }
  }

  /**
   * Writes the files of an update into {@code dir}: update.json, weights.csv (with the replications
   * of each hypothesis when {@code mixture} is given), update.csv (the audit trail), events.csv,
   * indicators.csv, update.html with its sidecar update.html.csp, and mixture.csv with a mixture
   * forecast.
   *
   * @param mixture the mixture forecast, or null without one
   * @return the names of the files written, in that order
   */
  public static List<String> writeAll(
      Report report, MixtureForecast.Result mixture, String scenario, YearMonth start, Path dir)
      throws IOException {
    Updater.Result result = report.result();
    writeJson(report, scenario, dir.resolve("update.json"));
    writeWeights(result, mixture == null ? null : mixture.runs(), dir.resolve("weights.csv"));
    writeTrail(result, dir.resolve("update.csv"));
    writeEvents(result, dir.resolve("events.csv"));
    writeIndicators(report, dir.resolve("indicators.csv"));
    writeHtml(report, mixture, start, dir.resolve("update.html"));
    List<String> names =
        new ArrayList<>(
            List.of(
                "update.json",
                "weights.csv",
                "update.csv",
                "events.csv",
                "indicators.csv",
                "update.html",
                "update.html.csp"));
    if (mixture != null) {
      writeMixture(
          mixture,
          result.set().hypotheses(),
          result.posterior(),
          start,
          dir.resolve("mixture.csv"));
      names.add("mixture.csv");
    }
    return names;
  }

  /** Writes weights.csv. */
  public static void writeWeights(Updater.Result r, int[] runs, Path file) throws IOException {
    StringBuilder out =
        new StringBuilder("hypothesis,name,prior,prior_words,posterior,posterior_words,runs\n");
    List<Hypothesis> hs = r.set().hypotheses();
    for (int i = 0; i < hs.size(); i++) {
      row(
          out,
          hs.get(i).id(),
          hs.get(i).name(),
          Numbers.csv(r.prior()[i]),
          Icd203.of(r.prior()[i]).words(),
          Numbers.csv(r.posterior()[i]),
          Icd203.of(r.posterior()[i]).words(),
          runs == null ? "" : Integer.toString(runs[i]));
    }
    write(file, out);
  }

  /** Writes update.csv, the audit trail: one row per evidence item and hypothesis. */
  public static void writeTrail(Updater.Result r, Path file) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "step,date,indicator,outcome,incidents,reliability,hypothesis,likelihood,"
                + "likelihood_ratio,effective_ratio,weight_before,weight_after,odds_before,"
                + "odds_after\n");
    List<Hypothesis> hs = r.set().hypotheses();
    for (Updater.Evidence e : r.trail()) {
      OddsUpdate.Step s = e.update();
      String ids = String.join(" ", e.basisIds());
      for (int i = 0; i < hs.size(); i++) {
        row(
            out,
            Integer.toString(e.step()),
            e.date().toString(),
            e.indicator().id(),
            e.observed() ? "observed" : "not observed",
            ids,
            Numbers.csv(s.reliability()),
            hs.get(i).id(),
            Numbers.csv(s.likelihoods()[i]),
            Numbers.csv(s.likelihoodRatios()[i]),
            Numbers.csv(s.effectiveRatios()[i]),
            Numbers.csv(s.before()[i]),
            Numbers.csv(s.after()[i]),
            Numbers.csv(s.oddsBefore(i)),
            Numbers.csv(s.oddsAfter(i)));
      }
    }
    write(file, out);
  }

  /** Writes events.csv: every report read, with what became of it. */
  public static void writeEvents(Updater.Result r, Path file) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "event_id,read_from,date,country,location,type,subtype,actor,fatalities,reliability,"
                + "use,detail\n");
    for (Updater.EventNote n : r.events()) {
      Event e = n.event();
      row(
          out,
          e.id(),
          e.origin(),
          e.dateText(),
          e.country() == null ? "" : e.country(),
          e.location(),
          e.type(),
          e.subtype(),
          e.actor(),
          e.fatalities() == null ? "" : e.fatalities().toString(),
          Numbers.csv(e.reliability()),
          n.use(),
          n.detail());
    }
    write(file, out);
  }

  /** Writes indicators.csv: every indicator's state, diagnosticity and watch rank. */
  public static void writeIndicators(Report report, Path file) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "indicator,name,status,incidents,at_least,window_from,window_to,ratio_if_observed,"
                + "ratio_if_not_observed,expected_bits,not_diagnostic,watch_rank,"
                + "probability_seen,expected_shift,expected_kl_bits\n");
    List<Updater.Status> st = report.result().statuses();
    for (int k = 0; k < st.size(); k++) {
      Indicator ind = st.get(k).indicator();
      Diagnosticity d = report.diagnosticity().get(k);
      int rank = -1;
      for (int w = 0; w < report.watch().size(); w++) {
        if (report.watch().get(w).indicator().id().equals(ind.id())) {
          rank = w;
        }
      }
      WatchList.Watch w = rank < 0 ? null : report.watch().get(rank);
      row(
          out,
          ind.id(),
          ind.name(),
          status(st.get(k).outcome()),
          Integer.toString(st.get(k).found()),
          Integer.toString(ind.atLeast()),
          ind.from().toString(),
          ind.to().toString(),
          Numbers.csv(d.ratioIfObserved()),
          Numbers.csv(d.ratioIfNotObserved()),
          Numbers.csv(d.expectedBits()),
          d.flat() ? "yes" : "no",
          w == null ? "" : Integer.toString(rank + 1),
          w == null ? "" : Numbers.csv(w.probabilitySeen()),
          w == null ? "" : Numbers.csv(w.expectedShift()),
          w == null ? "" : Numbers.csv(w.expectedBits()));
    }
    write(file, out);
  }

  /**
   * The update as a JSON document ({@code update.json}): the hypotheses with prior and updated
   * weights, the audit trail, every indicator's state and diagnosticity, the indicators to watch,
   * every report with what became of it, the sources and notes. Weight arrays are in the order of
   * the hypotheses.
   *
   * @param report the update and its derived tables
   * @param scenario the scenario's name
   */
  public static ObjectNode json(Report report, String scenario) {
    Updater.Result r = report.result();
    List<Hypothesis> hs = r.set().hypotheses();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("scenario", scenario);
    root.put("asOf", r.asOf().toString());
    HypothesesJson.number(root, "reliability", report.watchReliability());
    root.set("hypotheses", HypothesesJson.hypotheses(hs, r.prior(), r.posterior()));
    root.put("leader", hs.get(HypothesesJson.argmax(r.posterior())).id());
    ArrayNode trail = root.putArray("trail");
    for (Updater.Evidence e : r.trail()) {
      OddsUpdate.Step s = e.update();
      ObjectNode n = trail.addObject();
      n.put("step", e.step());
      n.put("date", e.date().toString());
      n.put("indicator", e.indicator().id());
      n.put("indicatorName", e.indicator().name());
      n.put("observed", e.observed());
      n.set("basis", HypothesesJson.texts(e.basisIds()));
      n.set("likelihoodRatio", HypothesesJson.array(s.likelihoodRatios()));
      n.set("before", HypothesesJson.array(s.before()));
      n.set("after", HypothesesJson.array(s.after()));
    }
    ArrayNode indicators = root.putArray("indicators");
    for (int k = 0; k < r.statuses().size(); k++) {
      Updater.Status st = r.statuses().get(k);
      indicators.add(
          HypothesesJson.indicator(st.indicator(), st, report.diagnosticity().get(k), hs));
    }
    root.set("watch", HypothesesJson.watch(report.watch()));
    ArrayNode events = root.putArray("events");
    for (Updater.EventNote note : r.events()) {
      Event e = note.event();
      ObjectNode n = events.addObject();
      n.put("id", e.id());
      n.put("date", e.dateText());
      n.put("country", e.country());
      n.put("location", e.location());
      n.put("type", e.type());
      n.put("use", note.use());
      n.put("detail", note.detail());
      n.put("origin", e.origin());
    }
    root.set("sources", HypothesesJson.texts(report.sources()));
    root.set("notes", HypothesesJson.texts(report.notes()));
    return root;
  }

  /** Writes update.json ({@link #json}). */
  public static void writeJson(Report report, String scenario, Path file) throws IOException {
    Json.write(json(report, scenario), file);
  }

  /** The months of the headline tables: +6, +12, +24, +36 and the horizon, as far as it goes. */
  public static List<Integer> headlineMonths(int horizon) {
    List<Integer> out = new ArrayList<>();
    for (int m : new int[] {6, 12, 24, 36}) {
      if (m < horizon) {
        out.add(m);
      }
    }
    out.add(horizon);
    return out;
  }

  /**
   * Writes mixture.csv: world totals of the headline states for the mixture and for each hypothesis
   * that ran, at the headline months.
   */
  public static void writeMixture(
      MixtureForecast.Result m, List<Hypothesis> hs, double[] weights, YearMonth start, Path file)
      throws IOException {
    StringBuilder out =
        new StringBuilder("hypothesis,weight,runs,month,date,state,mean,p05,p50,p95\n");
    int horizon = m.mixture().model().scenario().months();
    for (int i = -1; i < hs.size(); i++) {
      EnsembleSummary s = i < 0 ? m.mixture() : m.perHypothesis().get(i);
      if (s == null) {
        continue;
      }
      for (int month : headlineMonths(horizon)) {
        for (State state : State.HEADLINE) {
          Statistic st = s.statistic(month, 0, 0, state);
          row(
              out,
              i < 0 ? "mixture" : hs.get(i).id(),
              i < 0 ? "1" : Numbers.csv(weights[i]),
              Long.toString(s.replications()),
              Integer.toString(month),
              start.plusMonths(month).toString(),
              state.id(),
              Numbers.csv(st.mean()),
              Integer.toString(st.p05()),
              Integer.toString(st.p50()),
              Integer.toString(st.p95()));
        }
      }
    }
    write(file, out);
  }

  /** The words for an indicator's state. */
  public static String status(Updater.Outcome o) {
    return switch (o) {
      case OBSERVED -> "observed";
      case NOT_OBSERVED -> "not observed (window closed)";
      case NOT_OBSERVED_UNUSED -> "not observed; no coverage stated, absence not used";
      case NOT_COVERED -> "not observed: the event files do not cover it, so it moves no weight";
      case PENDING -> "pending";
      case NO_FIGURES -> "not evaluated: no observations file given";
    };
  }

  /**
   * Writes update.html and its sidecar update.html.csp.
   *
   * @param report the update and its derived tables
   * @param mixture the mixture forecast, or null if none was run
   * @param start the scenario's start month, for the mixture's dates
   * @param file where to write
   * @return the hashes written to the sidecar
   */
  public static InlineHashes writeHtml(
      Report report, MixtureForecast.Result mixture, YearMonth start, Path file)
      throws IOException {
    Updater.Result r = report.result();
    List<Hypothesis> hs = r.set().hypotheses();
    int lead = HypothesesJson.argmax(r.posterior());
    Page page =
        Pages.of(
            "Hypotheses and indicators",
            "Which way is it going? Evidence to " + r.asOf(),
            "Competing hypotheses weighed in odds form against the events read from "
                + String.join(", ", report.sources())
                + ", each report discounted by its reliability, each incident counted once.");
    page.raw(
        "<p class=\"summary\">"
            + Html.esc(
                "As of "
                    + r.asOf()
                    + ", "
                    + hs.get(lead).name()
                    + " is the leading hypothesis at "
                    + Icd203.describe(r.posterior()[lead])
                    + ", after "
                    + r.trail().size()
                    + " evidence item"
                    + (r.trail().size() == 1 ? "" : "s")
                    + " (prior "
                    + Icd203.percent(r.prior()[lead])
                    + ").")
            + "</p>");
    page.h2("Weights");
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table><caption>Prior and updated weights; words from the"
                + " ICD 203 scale (5% is very unlikely, 45-55% roughly even chance, 95% very"
                + " likely).</caption><thead><tr><th>Hypothesis</th><th>Runs as</th><th"
                + " class=\"num\">Prior</th><th class=\"num\">Updated</th><th>In words</th>"
                + "</tr></thead><tbody>");
    for (int i = 0; i < hs.size(); i++) {
      Hypothesis h = hs.get(i);
      t.append(rowHeader(h.name(), h.basis()))
          .append("<td>")
          .append(Html.esc(h.describeRun()))
          .append("</td><td class=\"num\">")
          .append(Html.esc(Icd203.percent(r.prior()[i])))
          .append("</td><td class=\"num\"><b>")
          .append(Html.esc(Icd203.percent(r.posterior()[i])))
          .append("</b></td><td>")
          .append(Html.esc(Icd203.of(r.posterior()[i]).words()))
          .append("</td></tr>");
    }
    page.raw(t.append("</tbody></table></div>").toString());
    if (!r.trail().isEmpty()) {
      page.raw(weightChart(r));
    }
    page.h2("Audit trail");
    page.para(
        "note",
        "Each evidence item in the order applied: LR is the likelihood ratio of the hypothesis"
            + " against the weighted mixture of all of them, P(E | H) / P(E); with reliability r the"
            + " weight is multiplied by r·LR + (1 − r).");
    page.raw(trailTable(r));
    page.h2("Indicators");
    page.raw(indicatorTable(report));
    page.h2("Indicators to watch next");
    page.para(
        "note",
        "Pending indicators ranked by the expected shift of the weights (half the sum of absolute"
            + " changes, averaged over seeing the indicator and its window closing without it),"
            + " under the current weights, with a sighting reported at reliability "
            + Numbers.csv(report.watchReliability())
            + ".");
    page.raw(watchTable(report, hs));
    if (mixture != null) {
      page.h2("Mixture forecast");
      page.raw(mixtureTable(mixture, hs, start));
    }
    page.h2("Events read");
    page.raw(eventsSummary(r));
    if (!report.notes().isEmpty()) {
      StringBuilder n = new StringBuilder("<ul class=\"note\">");
      report.notes().forEach(x -> n.append("<li>").append(Html.esc(x)).append("</li>"));
      page.raw(n.append("</ul>").toString());
    }
    page.h2("Method and limits");
    page.para(
        null,
        "Indicators are treated as independent given the hypothesis, so two indicators that watch"
            + " the same thing would count it twice. Reports of one incident (same incident id, or"
            + " same type, country and location within the duplicate window) count once, with the"
            + " most reliable report kept. Likelihoods are the analyst's judgements written in the"
            + " scenario file, each with its reasoning; the updated weights are only as good as"
            + " they are. Confidence in the judgement is a separate matter and is not expressed by"
            + " these probabilities (ICD 203).");
    return page.write(file);
  }

  private static String weightChart(Updater.Result r) {
    List<Hypothesis> hs = r.set().hypotheses();
    int n = r.trail().size();
    Chart chart =
        new Chart("Weights after each evidence item", "evidence item", "weight")
            .wholeX()
            .size(960, 380);
    for (int i = 0; i < hs.size(); i++) {
      double[] x = new double[n + 1];
      double[] y = new double[n + 1];
      y[0] = r.prior()[i];
      for (int s = 0; s < n; s++) {
        x[s + 1] = s + 1;
        y[s + 1] = r.trail().get(s).update().after()[i];
      }
      chart.add(new Chart.Series(hs.get(i).name(), COLOURS[i % COLOURS.length], x, y, null, null));
    }
    return chart.svg();
  }

  private static String trailTable(Updater.Result r) {
    if (r.trail().isEmpty()) {
      return "<p>No indicator was settled by the events read: the weights are the priors.</p>";
    }
    List<Hypothesis> hs = r.set().hypotheses();
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table><thead><tr><th>#</th><th>Date</th>"
                + "<th>Evidence</th><th class=\"num\">r</th>");
    for (Hypothesis h : hs) {
      t.append("<th class=\"num\">").append(Html.esc(h.name())).append("</th>");
    }
    t.append("</tr></thead><tbody>");
    for (Updater.Evidence e : r.trail()) {
      OddsUpdate.Step s = e.update();
      t.append("<tr><td>")
          .append(e.step())
          .append("</td><td>")
          .append(e.date())
          .append("</td><td>")
          .append(Html.esc(e.indicator().name()))
          .append(e.observed() ? " <b>observed</b>" : " <b>not observed</b>")
          .append("<br><span class=\"note\">")
          .append(
              Html.esc(
                  e.basisIds().isEmpty()
                      ? "window closed " + e.indicator().to()
                      : (e.figures().isEmpty() ? "reports " : "figure ")
                          + String.join(", ", e.basisIds())))
          .append("</span></td><td class=\"num\">")
          .append(Numbers.csv(s.reliability()))
          .append("</td>");
      for (int i = 0; i < hs.size(); i++) {
        t.append(
            String.format(
                Locale.ROOT,
                "<td class=\"num\">%s → <b>%s</b><br><span class=\"ci\">P(E|H) %.2f, LR %.2f,"
                    + " eff. %.2f</span></td>",
                Icd203.percent(s.before()[i]),
                Icd203.percent(s.after()[i]),
                s.likelihoods()[i],
                s.likelihoodRatios()[i],
                s.effectiveRatios()[i]));
      }
      t.append("</tr>");
    }
    return t.append("</tbody></table></div>").toString();
  }

  private static String indicatorTable(Report report) {
    List<Hypothesis> hs = report.result().set().hypotheses();
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table><caption>Likelihoods P(observed | H);"
                + " diagnosticity: the largest odds factor a sighting (or an absence) can apply"
                + " between two hypotheses, and the expected information under the prior"
                + " weights. Flagged: no outcome moves any pair's odds by more than "
                + Numbers.csv(Diagnosticity.FLAT_FACTOR)
                + ".</caption><thead><tr><th>Indicator</th><th>Status</th>");
    for (Hypothesis h : hs) {
      t.append("<th class=\"num\">").append(Html.esc(h.name())).append("</th>");
    }
    t.append("<th class=\"num\">Seen / not seen</th><th class=\"num\">Bits</th></tr></thead>");
    t.append("<tbody>");
    List<Updater.Status> st = report.result().statuses();
    for (int k = 0; k < st.size(); k++) {
      Indicator ind = st.get(k).indicator();
      Diagnosticity d = report.diagnosticity().get(k);
      t.append(rowHeader(ind.name(), ind.describe() + ". " + ind.basis()))
          .append("<td>")
          .append(Html.esc(status(st.get(k).outcome())))
          .append(" (")
          .append(st.get(k).found())
          .append(" of ")
          .append(ind.atLeast())
          .append(")</td>");
      for (double p : ind.likelihoods()) {
        t.append("<td class=\"num\">").append(Numbers.csv(p)).append("</td>");
      }
      t.append(
          String.format(
              Locale.ROOT,
              "<td class=\"num\">×%.2f / ×%.2f%s</td><td class=\"num\">%.3f</td></tr>",
              d.ratioIfObserved(),
              d.ratioIfNotObserved(),
              d.flat() ? "<br><b>not diagnostic</b>" : "",
              d.expectedBits()));
    }
    return t.append("</tbody></table></div>").toString();
  }

  private static String watchTable(Report report, List<Hypothesis> hs) {
    if (report.watch().isEmpty()) {
      return "<p>Every indicator is settled: none is left to watch.</p>";
    }
    StringBuilder t =
        new StringBuilder(
            "<div class=\"table-wrap\"><table><thead><tr><th>#</th><th>Indicator</th><th"
                + " class=\"num\">Chance seen</th><th class=\"num\">Expected shift</th><th"
                + " class=\"num\">Expected bits</th><th>If seen</th><th>If not seen</th></tr>"
                + "</thead><tbody>");
    int rank = 1;
    for (WatchList.Watch w : report.watch()) {
      t.append("<tr><td>")
          .append(rank++)
          .append("</td><td>")
          .append(Html.esc(w.indicator().name()))
          .append("<br><span class=\"note\">")
          .append(Html.esc(w.indicator().describe()))
          .append("</span></td><td class=\"num\">")
          .append(Html.esc(Icd203.percent(w.probabilitySeen())))
          .append("</td><td class=\"num\">")
          .append(Html.esc(Icd203.percent(w.expectedShift())))
          .append("</td><td class=\"num\">")
          .append(String.format(Locale.ROOT, "%.3f", w.expectedBits()))
          .append("</td><td>")
          .append(Html.esc(leader(w.ifSeen(), hs)))
          .append("</td><td>")
          .append(Html.esc(leader(w.ifNotSeen(), hs)))
          .append("</td></tr>");
    }
    return t.append("</tbody></table></div>").toString();
  }

  /** The leading hypothesis of a weight vector, in words. */
  public static String leader(double[] w, List<Hypothesis> hs) {
    int i = HypothesesJson.argmax(w);
    return hs.get(i).name() + " " + Icd203.describe(w[i]);
  }

  private static String mixtureTable(
      MixtureForecast.Result m, List<Hypothesis> hs, YearMonth start) {
    EnsembleSummary mix = m.mixture();
    int horizon = mix.model().scenario().months();
    StringBuilder t =
        new StringBuilder(
            "<p>"
                + mix.replications()
                + " replications allocated by updated weight (largest remainder); world totals at"
                + " month "
                + horizon
                + " ("
                + start.plusMonths(horizon)
                + "), mean with the 90% interval. summary.csv holds the mixture in the format of"
                + " dispersal forecast.</p><div class=\"table-wrap\"><table><thead><tr>"
                + "<th>State</th><th class=\"num\">Mixture</th>");
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < hs.size(); i++) {
      if (m.perHypothesis().get(i) != null) {
        shown.add(i);
        t.append("<th class=\"num\">")
            .append(Html.esc(hs.get(i).name()))
            .append("<br><span class=\"ci\">")
            .append(m.runs()[i])
            .append(" runs</span></th>");
      }
    }
    t.append("</tr></thead><tbody>");
    for (State s : State.HEADLINE) {
      t.append("<tr><th>").append(Html.esc(s.label())).append("</th>");
      t.append(cell(mix.statistic(horizon, 0, 0, s)));
      for (int i : shown) {
        t.append(cell(m.perHypothesis().get(i).statistic(horizon, 0, 0, s)));
      }
      t.append("</tr>");
    }
    return t.append("</tbody></table></div>").toString();
  }

  /** The start of a table row headed by a name with a note under it, both escaped. */
  private static String rowHeader(String name, String note) {
    return "<tr><th>"
        + Html.esc(name)
        + "<br><span class=\"note\">"
        + Html.esc(note)
        + "</span></th>";
  }

  private static String cell(Statistic st) {
    return Numbers.cell(Numbers.num(st.mean()), Numbers.num(st.p05()), Numbers.num(st.p95()));
  }

  private static String eventsSummary(Updater.Result r) {
    int counted = 0;
    int duplicates = 0;
    int later = 0;
    int unmatched = 0;
    StringBuilder dup = new StringBuilder();
    for (Updater.EventNote n : r.events()) {
      switch (n.use()) {
        case Updater.COUNTED -> counted++;
        case Updater.DUPLICATE -> {
          duplicates++;
          dup.append("<li>")
              .append(Html.esc(n.event().id() + " (" + n.event().origin() + ") " + n.detail()))
              .append("</li>");
        }
        case Updater.AFTER_AS_OF -> later++;
        default -> unmatched++;
      }
    }
    String text =
        String.format(
            Locale.ROOT,
            "<p>%d reports read: %d counted for an indicator, %d duplicates of a report kept,"
                + " %d dated after %s, %d that no indicator looks for. Every report and its use is"
                + " in events.csv.</p>",
            r.events().size(),
            counted,
            duplicates,
            later,
            r.asOf(),
            unmatched);
    return duplicates == 0 ? text : text + "<p>Duplicates left out:</p><ul>" + dup + "</ul>";
  }

  private static void row(StringBuilder out, String... cells) {
    out.append(Csv.line(cells));
  }

  private static void write(Path file, StringBuilder out) throws IOException {
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
  }
}
