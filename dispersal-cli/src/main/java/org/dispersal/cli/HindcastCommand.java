package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.hindcast.ForecastDates;
import org.dispersal.app.hindcast.ForecastStart;
import org.dispersal.app.hindcast.HindcastRequest;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.app.problem.InputException;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.hindcast.HindcastScorecard;
import org.dispersal.hindcast.RollingRecalibration;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.validation.HindcastCsv;
import org.dispersal.output.validation.HindcastReport;
import org.dispersal.output.validation.HindcastSummary;
import org.dispersal.output.validation.RecalibrationSection;
import org.dispersal.output.validation.ScorecardJson;
import org.dispersal.scoring.Scorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal hindcast}: freezes the information set at a date, calibrates on what was
 * published by then, forecasts, and scores every later observation against the forecast and two
 * baselines.
 */
@Command(
    name = "hindcast",
    mixinStandardHelpOptions = true,
    description = {
      "Freeze the information set at --as-of, calibrate on the figures published by then,"
          + " forecast, and score every figure dated after it.",
      "Writes hindcast.csv, scorecard.json, posterior.csv and hindcast.html."
    })
final class HindcastCommand implements Callable<Integer> {

  @Mixin StoreOption store;

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin ScenarioOption scenario;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      defaultValue = "2017-02-13",
      description = "The information cut-off, YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
  String asOf;

  @Option(
      names = "--origins",
      paramLabel = "FIRST..LAST",
      description =
          "Rolling origins: one hindcast from the end of every --every-th month from FIRST to LAST"
              + " (YYYY-MM..YYYY-MM), each with only what was published by its date; replaces"
              + " --as-of. Each date's files go to OUT/as-of-DATE, the pooled scorecard to OUT.")
  String origins;

  @Option(
      names = "--every",
      paramLabel = "MONTHS",
      defaultValue = "3",
      description = "Months between rolling origins (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(
      names = "--observations",
      paramLabel = "FILE",
      arity = "1..*",
      required = true,
      description =
          "Observation files (date,published,scope,scope_id,demographic,measure,low,high,source_id"
              + "[,definition]).")
  List<Path> observations = new ArrayList<>();

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Forecast replications (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--simulations",
      paramLabel = "N",
      defaultValue = "20000",
      description =
          "Calibration budget in simulations; 0 forecasts from the priors without"
              + " calibrating (default: ${DEFAULT-VALUE}).")
  int simulations;

  @Option(
      names = "--particles",
      paramLabel = "N",
      defaultValue = "1000",
      description = "ABC-SMC population size (default: ${DEFAULT-VALUE}).")
  int particles;

  @Option(
      names = "--no-reporting-model",
      description =
          "Score the model's counts themselves instead of the figures the sources will publish"
              + " (the reporting model estimated from what was published by --as-of).")
  boolean noReportingModel;

  @Option(
      names = "--no-definitions",
      description =
          "Compare every figure with the model's count of its measure, ignoring what its source"
              + " counts (residual in theatre, confirmed deaths, sums over reporting countries).")
  boolean noDefinitions;

  @Option(
      names = "--start-at-date",
      description =
          "Start each forecast at its date, as dispersal forecast --as-of does (the default):"
              + " after the scenario's start the model runs from the start, the strongholds lost by"
              + " the date are lost and the horizon runs from the date; before it, month 0 is the"
              + " date's month, with the arrival flow before 2017 (docs/FORECASTS.md).")
  boolean startAtDate;

  @Option(
      names = "--start-at-scenario",
      description =
          "Start every forecast at the scenario's start instead, whatever its date: only the"
              + " information set is frozen at the date, and the horizon runs from the start.")
  boolean startAtScenario;

  @Option(
      names = "--hypotheses",
      description =
          "Hindcast each competing hypothesis of the scenario (its hypotheses: section) from every"
              + " rolling origin, weight them at each date by stacking on the figures earlier dates"
              + " scored and that were public by then, and score the mixture; needs --origins."
              + " Writes stacking.csv and hypotheses.csv besides the mixture's files; each"
              + " hypothesis's files go to OUT/as-of-DATE/hypothesis-ID.")
  boolean hypotheses;

  @Option(
      names = "--stacking-as-of",
      paramLabel = "DATE",
      arity = "1..*",
      description =
          "With --hypotheses: also give the stacking weights as of these dates (YYYY-MM-DD), fitted"
              + " on the figures the rolling origins before each scored and that were public by it"
              + " (for example the scenario's start); added to stacking.csv.")
  List<String> stackingAsOf = new ArrayList<>();

  @Option(
      names = "--stocks",
      paramLabel = "RULE",
      defaultValue = "latest",
      description =
          "How the initial stocks are built from the figures public by each date: latest (each"
              + " quantity's latest figure) or pooled (every source's latest figure, de-biased,"
              + " projected with the revision trend and pooled; docs/REPORTING.md) (default:"
              + " ${DEFAULT-VALUE}).")
  String stocks;

  @Mixin SeedAndSetOptions seedAndSet;

  @Mixin ThreadsOption threads;

  @Mixin OutFolderOption outFolder;

  private static void print(java.io.PrintWriter o, String what, HindcastSummary sum) {
    o.printf(
        Locale.ROOT,
        "%s (%d scored): coverage 50%% %.0f%%, 90%% %.0f%%; mean CRPS model %.1f,"
            + " persistence %.1f (skill %.3f, model better on %.0f%%); with a trend (%d): model %.1f,"
            + " trend %.1f (skill %.3f, model better on %.0f%%); median |log ratio| %.3f%n",
        what,
        sum.scored(),
        100 * sum.coverage50(),
        100 * sum.coverage90(),
        sum.crps(),
        sum.crpsPersistence(),
        sum.skillPersistence(),
        100 * sum.beatsPersistence(),
        sum.trendCount(),
        sum.crpsModelOnTrend(),
        sum.crpsTrend(),
        sum.skillTrend(),
        100 * sum.beatsTrend(),
        sum.medianAbsLogRatio());
  }

  @Override
  public Integer call() throws IOException {
    if (origins != null && spec.commandLine().getParseResult().hasMatchedOption("--as-of")) {
      throw InputException.field(
          "origins",
          "--origins and --as-of both set: give one forecast date (--as-of) or a span of them"
              + " (--origins)");
    }
    if (hypotheses && origins == null) {
      throw InputException.field(
          "hypotheses",
          "--hypotheses weights the hypotheses on earlier forecast dates: give --origins, e.g."
              + " --origins 2015-06..2017-08");
    }
    if (!hypotheses && !stackingAsOf.isEmpty()) {
      throw InputException.field("stackingAsOf", "--stacking-as-of needs --hypotheses");
    }
    if (startAtDate && startAtScenario) {
      throw InputException.field(
          "startAtScenario",
          "--start-at-date and --start-at-scenario both set: give one (the default is the date)");
    }
    StockChoice.parse(stocks); // a bad rule is refused before anything is read
    List<LocalDate> dates =
        origins == null
            ? List.of(CalibrateCommand.date(asOf))
            : ForecastDates.parse(origins, every);
    dates.forEach(HindcastRequest::checkAsOf);
    CalibrateCommand.checkBudget(runs, simulations == 0 ? particles : simulations, particles);
    List<ObservationRecord> rows = new ArrayList<>();
    for (Path p : observations) {
      rows.addAll(ObservationsReader.read(p));
    }
    String command =
        "dispersal " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    if (hypotheses) {
      HypothesisRuns.run(this, dates, rows, command);
      return 0;
    }
    List<Hindcast.Result> results = new ArrayList<>();
    Hindcast.Settings first = null;
    for (LocalDate date : dates) {
      Path folder = origins == null ? outFolder.out : outFolder.out.resolve("as-of-" + date);
      Hindcast.Settings settings = settings(date);
      first = first == null ? settings : first;
      Scenario s = scenarioAt(seedAndSet.sets, scenario.scenario, date);
      results.add(hindcast(s, date, settings, rows, command, folder));
    }
    if (origins != null) {
      IncompleteMarker.mark(outFolder.out, "dispersal hindcast");
      List<RollingRecalibration.Date> recalibrated =
          RollingRecalibration.apply(results, SharedData.shipped());
      HindcastCsv.write(results, recalibrated, outFolder.out.resolve("hindcast.csv"));
      ScorecardJson.write(results, recalibrated, command, outFolder.out.resolve("scorecard.json"));
      HindcastReport.write(
          results,
          first,
          command,
          outFolder.out.resolve("hindcast.html"),
          RecalibrationSection.html(results, recalibrated));
      IncompleteMarker.clear(outFolder.out);
      printPooled(results);
      printRecalibrated(recalibrated);
    }
    return 0;
  }

  /**
   * A scenario as known at a forecast date: read with the figures public by then (the hindcast's
   * request starts it where {@link #start()} says).
   */
  Scenario scenarioAt(List<String> sets, String source, LocalDate date) {
    return ScenarioSource.reader(sets, StockChoice.parse(stocks)).withAsOf(date).read(source);
  }

  /** Where each forecast starts: at its date unless {@code --start-at-scenario}. */
  ForecastStart start() {
    return startAtScenario ? ForecastStart.SCENARIO : ForecastStart.DATE;
  }

  Hindcast.Settings settings(LocalDate date) {
    return new Hindcast.Settings(
        date, runs, seedAndSet.seed, threads.workers(), particles, simulations);
  }

  /** One forecast date's hindcast of a scenario, recorded, written to its folder and printed. */
  Hindcast.Result hindcast(
      Scenario s,
      LocalDate date,
      Hindcast.Settings settings,
      List<ObservationRecord> rows,
      String command,
      Path folder)
      throws IOException {
    var err = spec.commandLine().getErr();
    HindcastRequest request =
        new HindcastRequest(
            new ScenarioInput(s, ScenarioSource.text(scenario.scenario)),
            rows,
            settings,
            command,
            !noReportingModel,
            !noDefinitions,
            StockChoice.parse(stocks),
            start());
    return store
        .run(
            request,
            null,
            folder,
            "dispersal hindcast",
            spec,
            () -> new Progress(err, runs, quiet.progress()),
            run -> print(s, date, run.value(), folder))
        .value();
  }

  private void printPooled(List<Hindcast.Result> results) {
    var o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "%nRolling origins: %d forecast dates, %s to %s, pooled%n",
        results.size(),
        results.get(0).asOf(),
        results.get(results.size() - 1).asOf());
    List<HindcastScorecard.Assimilation> same = HindcastScorecard.assimilation(results);
    if (!same.isEmpty()) {
      o.printf(
          Locale.ROOT,
          "Assimilation: mean CRPS on the %d figures every forecast date scored:",
          same.get(0).figures());
      same.forEach(a -> o.printf(Locale.ROOT, " %s %.1f;", a.asOf(), a.meanCrps()));
      o.println();
      o.println(HindcastScorecard.AssimilationPays.of(same).sentence());
    }
    printScores(o, results);
    o.println(
        "Wrote "
            + outFolder.out.resolve("hindcast.csv")
            + ", scorecard.json, hindcast.html (pooled) and one folder per forecast date");
  }

  /** The verdict of the forecasts recalibrated on earlier forecast dates. */
  private void printRecalibrated(List<RollingRecalibration.Date> recalibrated) {
    var o = spec.commandLine().getOut();
    o.print("Recalibrated on earlier forecast dates (earlier forecasts learnt from:");
    recalibrated.forEach(d -> o.print(" " + d.result().asOf() + " " + d.learnedFrom() + ";"));
    o.println(")");
    Scorecard card =
        HindcastScorecard.of(recalibrated.stream().map(RollingRecalibration.Date::result).toList());
    o.println("Verdict, recalibrated: " + card.verdict().summary());
    for (Scorecard.Target t : card.verdict().targets()) {
      o.println("  " + t.text());
    }
  }

  /** The summary lines and the verdict of one or several forecast dates' scored figures. */
  static void printScores(java.io.PrintWriter o, List<Hindcast.Result> results) {
    List<Hindcast.Row> all = results.stream().flatMap(r -> r.rows().stream()).toList();
    print(o, "all figures", HindcastSummary.of(all));
    print(o, "dynamics (travelled left out)", HindcastSummary.dynamics(all));
    Scorecard card = HindcastScorecard.of(results);
    o.println("Verdict: " + card.verdict().summary());
    for (Scorecard.Target t : card.verdict().targets()) {
      o.println("  " + t.text());
    }
  }

  private void print(Scenario s, LocalDate date, Hindcast.Result result, Path folder) {
    var o = spec.commandLine().getOut();
    HindcastSummary all = HindcastSummary.of(result.rows());
    o.printf(
        Locale.ROOT,
        "Hindcast of %s from %s: %d observations scored, %d listed with a reason%n",
        s.name(),
        date,
        all.scored(),
        all.notScored());
    if (result.reporting() != null) {
      o.println("Forecasts of the published figures: " + result.reporting().describe());
    }
    if (result.calibration() != null) {
      o.printf(
          Locale.ROOT,
          "Calibration: %d figures, %d of %d free parameters calibrated,"
              + " %d simulations in %.1f s%n",
          result.calibrationRows().size(),
          result.calibration().names().size(),
          result.calibration().free().size(),
          result.calibration().abc().simulations(),
          result.seconds());
    }
    printScores(o, List.of(result));
    o.println(
        "Wrote "
            + folder.resolve("hindcast.csv")
            + ", scorecard.json"
            + (result.calibration() != null ? ", posterior.csv" : "")
            + ", hindcast.html");
  }
}
