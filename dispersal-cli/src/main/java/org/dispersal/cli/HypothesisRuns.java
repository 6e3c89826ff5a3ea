package org.dispersal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dispersal.app.problem.InputException;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.HypothesisHindcast;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.validation.HindcastCsv;
import org.dispersal.output.validation.HindcastReport;
import org.dispersal.output.validation.ScorecardJson;
import org.dispersal.output.validation.ShippedStacking;
import org.dispersal.output.validation.StackingOutputs;

/**
 * {@code dispersal hindcast --origins ... --hypotheses}: every competing hypothesis hindcast from
 * every forecast date, weighted by stacking ({@link HypothesisHindcast}); writes the mixture's
 * hindcast.csv, scorecard.json and hindcast.html (with the stacking section), stacking.csv and
 * hypotheses.csv.
 */
final class HypothesisRuns {

  private HypothesisRuns() {}

  static void run(
      HindcastCommand c, List<LocalDate> dates, List<ObservationRecord> rows, String command)
      throws IOException {
    if (c.noReportingModel) {
      throw InputException.field(
          "hypotheses",
          "--hypotheses weights by log scores of the published figures: drop --no-reporting-model");
    }
    List<LocalDate> extra = new ArrayList<>();
    for (String d : c.stackingAsOf) {
      extra.add(CalibrateCommand.date(d));
    }
    String name = c.scenario.scenario;
    HypothesisSet set =
        ScenarioSource.reader(c.seedAndSet.sets).readWithHypotheses(name).hypotheses();
    if (set == null) {
      throw InputException.field(
          "hypotheses",
          "scenario "
              + name
              + " declares no hypotheses; add a hypotheses: section (docs/SCENARIOS.md)");
    }
    Path out = c.outFolder.out;
    List<String> ids = set.hypotheses().stream().map(Hypothesis::id).toList();
    List<List<Hindcast.Result>> byHypothesis = new ArrayList<>();
    for (Hypothesis h : set.hypotheses()) {
      List<String> sets = new ArrayList<>(c.seedAndSet.sets);
      sets.addAll(h.overrides());
      String source = h.variant() == null ? name : h.variant();
      List<Hindcast.Result> results = new ArrayList<>();
      for (LocalDate date : dates) {
        Scenario s = c.scenarioAt(sets, source, date);
        Path folder = out.resolve("as-of-" + date).resolve("hypothesis-" + h.id());
        c.spec.commandLine().getOut().println("Hypothesis " + h.id() + ":");
        results.add(c.hindcast(s, date, c.settings(date), rows, command, folder));
      }
      byHypothesis.add(results);
    }
    SharedData data = SharedData.shipped();
    HypothesisHindcast.Result result =
        HypothesisHindcast.run(ids, set.priorWeights(), byHypothesis, data);
    List<HypothesisHindcast.Weights> more = new ArrayList<>();
    for (LocalDate d : extra) {
      more.add(HypothesisHindcast.weightsAsOf(d, set.priorWeights(), byHypothesis, data));
    }
    IncompleteMarker.mark(out, "dispersal hindcast");
    HindcastCsv.write(result.mixture(), out.resolve("hindcast.csv"));
    ScorecardJson.write(result, command, out.resolve("scorecard.json"));
    HindcastReport.write(
        result.mixture(),
        c.settings(dates.get(0)),
        command,
        out.resolve("hindcast.html"),
        StackingOutputs.html(result));
    StackingOutputs.writeWeights(result, more, out.resolve("stacking.csv"));
    StackingOutputs.writeScores(result, out.resolve("hypotheses.csv"));
    String scenarioName = byHypothesis.get(0).get(0).scenario().name();
    for (HypothesisHindcast.Weights w : more) {
      ShippedStacking.write(
          scenarioName, result, w, command, out.resolve("stacking-as-of-" + w.asOf() + ".json"));
    }
    IncompleteMarker.clear(out);
    print(c.spec.commandLine().getOut(), result, more);
    HindcastCommand.printScores(c.spec.commandLine().getOut(), result.mixture());
    c.spec
        .commandLine()
        .getOut()
        .println(
            "Wrote "
                + out.resolve("hindcast.csv")
                + " (the mixture), scorecard.json, hindcast.html, stacking.csv, hypotheses.csv and"
                + " one folder per forecast date and hypothesis");
  }

  private static void print(
      PrintWriter o, HypothesisHindcast.Result r, List<HypothesisHindcast.Weights> more) {
    o.printf(Locale.ROOT, "%nStacking weights (%s):%n", String.join(", ", r.ids()));
    List<HypothesisHindcast.Weights> all = new ArrayList<>(r.weights());
    all.addAll(more);
    for (HypothesisHindcast.Weights w : all) {
      StringBuilder b = new StringBuilder();
      for (double x : w.weights()) {
        b.append(String.format(Locale.ROOT, " %.3f", x));
      }
      o.printf(
          Locale.ROOT, "  %s %-7s (%3d figures):%s%n", w.asOf(), w.basis().id(), w.figures(), b);
    }
    o.println("Pooled: forecast, figures, mean log score, mean CRPS, 50% and 90% coverage");
    for (HypothesisHindcast.Scores s : r.pooled()) {
      o.printf(
          Locale.ROOT,
          "  %-16s %4d %8.3f %9.1f %4.0f%% %4.0f%%%n",
          s.label(),
          s.figures(),
          s.meanLogScore(),
          s.meanCrps(),
          100 * s.coverage50(),
          100 * s.coverage90());
    }
    HypothesisHindcast.Scores best = StackingOutputs.bestSingle(r);
    HypothesisHindcast.Scores mix = r.pooled().get(r.pooled().size() - 1);
    o.printf(
        Locale.ROOT,
        "Mixture against the best single hypothesis (%s): log score %+.3f per figure, CRPS %+.1f%n",
        best.label(),
        mix.meanLogScore() - best.meanLogScore(),
        mix.meanCrps() - best.meanCrps());
  }
}
