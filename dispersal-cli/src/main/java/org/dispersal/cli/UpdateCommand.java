package org.dispersal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.forecast.DefaultMixture;
import org.dispersal.app.update.Evidence;
import org.dispersal.app.update.UpdateRequest;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.Event;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.Icd203;
import org.dispersal.hypotheses.MixtureForecast;
import org.dispersal.hypotheses.Updater;
import org.dispersal.hypotheses.WatchList;
import org.dispersal.input.events.EventFile;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.HypothesesJson;
import org.dispersal.output.analyst.UpdateOutputs;
import org.dispersal.output.text.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal update}: weighs the scenario's competing hypotheses against dated events in odds
 * form, with an audit trail and the indicators to watch next; with {@code --forecast}, runs the
 * mixture forecast with replications allocated by the updated weights.
 */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description =
        "Update the weights of the scenario's competing hypotheses from dated events; writes"
            + " weights.csv, update.csv (audit trail), events.csv, indicators.csv, update.json and"
            + " update.html, and with --forecast the mixture's summary.csv, manifest.json and"
            + " report.html; keeps them in the run store.")
final class UpdateCommand implements Callable<Integer> {

  /** Reliability of reports that state none (an assumption, see {@link HypothesesJson}). */
  static final double DEFAULT_RELIABILITY = HypothesesJson.DEFAULT_RELIABILITY;

  /** Largest gap in days between two reports of one incident (an assumption, as above). */
  static final int DEFAULT_DUPLICATE_DAYS = HypothesesJson.DEFAULT_DUPLICATE_DAYS;

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin AnalystOptions options;

  @Mixin StoreOption store;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      required = true,
      description = "An event file (repeatable; all in the --format given).")
  List<Path> events = new ArrayList<>();

  @Option(
      names = "--observations",
      paramLabel = "FILE",
      description =
          "Published figures in the observations format (repeatable), for indicators that watch"
              + " a measure; figures for all people only.")
  List<Path> observations = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "ours|gtd|acled",
      defaultValue = "ours",
      description =
          "Layout of the event files: our CSV, a Global Terrorism Database export or an ACLED"
              + " export (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Use only reports dated up to this day, YYYY-MM-DD (default: the last date in the"
              + " events).")
  String asOf;

  @Option(
      names = "--reliability",
      paramLabel = "R",
      defaultValue = "" + DEFAULT_RELIABILITY,
      description =
          "Reliability (0-1) of reports that state none, and of a future sighting in the watch"
              + " list (default: ${DEFAULT-VALUE}).")
  double reliability;

  @Option(
      names = "--duplicate-days",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_DUPLICATE_DAYS,
      description =
          "Reports of the same type and place at most N days apart are one incident (default:"
              + " ${DEFAULT-VALUE}).")
  int duplicateDays;

  @Option(
      names = "--flat-factor",
      paramLabel = "F",
      defaultValue = "" + Diagnosticity.FLAT_FACTOR,
      description =
          "Flag an indicator as not diagnostic when no outcome changes any pair's odds by more"
              + " than this factor (default: ${DEFAULT-VALUE}).")
  double flatFactor;

  @Option(
      names = "--forecast",
      description =
          "Also run the mixture forecast: --runs replications allocated to the hypotheses by"
              + " updated weight.")
  boolean forecast;

  @Override
  public Integer call() throws IOException {
    EventFile.Format fmt = format();
    if (!(reliability >= 0 && reliability <= 1)) {
      throw new UserException("--reliability must be between 0 and 1, not " + reliability);
    }
    if (duplicateDays < 0 || duplicateDays > 365) {
      throw new UserException("--duplicate-days must be between 0 and 365, not " + duplicateDays);
    }
    if (!(flatFactor >= 1)) {
      throw new UserException("--flat-factor must be at least 1, not " + flatFactor);
    }
    int runs = options.runs();
    int threads = options.threads();
    String scenarioName = options.scenario.scenario;
    HypothesisScenario read =
        ScenarioSource.reader(options.overrides.sets).readWithHypotheses(scenarioName);
    // The stacking weights, where shipped, are the update's starting weights (docs/ANALYST.md).
    HypothesisSet set = DefaultMixture.startingWeights(read.scenario().name(), read.hypotheses());
    if (set == null) {
      throw new UserException(
          "scenario "
              + scenarioName
              + " declares no hypotheses; add hypotheses: and indicators: sections"
              + " (docs/SCENARIOS.md)");
    }
    Evidence evidence = Evidence.read(events, observations, fmt, reliability);
    Scenario base = read.scenario();
    UpdateRequest request =
        new UpdateRequest(
            new ScenarioInput(base, ScenarioSource.text(scenarioName)),
            set,
            evidence,
            asOf(evidence.events()),
            reliability,
            duplicateDays,
            flatFactor,
            forecast ? mixture(set, runs, threads) : null);
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    Path dir = options.outDir("update", base.name());
    ObjectNode parameters = Json.MAPPER.createObjectNode();
    if (asOf != null) {
      parameters.put("asOf", asOf);
    }
    parameters.put("reliability", reliability);
    parameters.put("duplicateDays", duplicateDays);
    store.run(
        request,
        parameters.toString(),
        dir,
        "dispersal update",
        spec,
        () -> new Progress(err, runs, forecast && quiet.progress()),
        result -> {
          MixtureForecast.Result mixture = result.value().mixture();
          print(result.value().report(), mixture);
          out.println(
              "Wrote "
                  + dir.resolve("update.html")
                  + ", weights.csv, update.csv, events.csv, indicators.csv, update.json"
                  + (mixture == null
                      ? ""
                      : ", mixture.csv, summary.csv, manifest.json, report.html"));
        });
    return 0;
  }

  private EventFile.Format format() {
    for (EventFile.Format f : EventFile.Format.values()) {
      if (f.id().equals(format)) {
        return f;
      }
    }
    throw new UserException("--format must be ours, gtd or acled, not " + format);
  }

  /** The --as-of date, or null for the last report's day. */
  private LocalDate asOf(List<Event> all) {
    if (asOf != null) {
      try {
        return LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new UserException("--as-of must be a date written YYYY-MM-DD, not " + asOf);
      }
    }
    if (all.isEmpty()) {
      throw new UserException("the event files hold no events; give --as-of to update on none");
    }
    return null;
  }

  /** The mixture forecast: each hypothesis's variant with its overrides. */
  private UpdateRequest.Mixture mixture(HypothesisSet set, int runs, int threads) {
    List<Scenario> scenarios = new ArrayList<>();
    for (Hypothesis h : set.hypotheses()) {
      List<String> sets = new ArrayList<>(options.overrides.sets);
      sets.addAll(h.overrides());
      String source = h.variant() == null ? options.scenario.scenario : h.variant();
      scenarios.add(ScenarioSource.load(source, sets).scenario());
    }
    return new UpdateRequest.Mixture(scenarios, runs, options.seed.value, threads);
  }

  private void print(UpdateOutputs.Report report, MixtureForecast.Result mixture) {
    PrintWriter o = spec.commandLine().getOut();
    Updater.Result r = report.result();
    List<Hypothesis> hs = r.set().hypotheses();
    long duplicates = r.events().stream().filter(n -> n.use().equals(Updater.DUPLICATE)).count();
    o.printf(
        Locale.ROOT,
        "Update of %d hypotheses as of %s: %d reports read, %d duplicates left out, %d evidence"
            + " items%n",
        hs.size(),
        r.asOf(),
        r.events().size(),
        duplicates,
        r.trail().size());
    o.println(
        String.format(
                Locale.ROOT,
                "%-40s %8s %8s  %-20s%s",
                "Hypothesis",
                "prior",
                "updated",
                "in words",
                mixture == null ? "" : "    runs")
            .stripTrailing());
    for (int i = 0; i < hs.size(); i++) {
      o.println(
          String.format(
                  Locale.ROOT,
                  "%-40.40s %8s %8s  %-20s%s",
                  hs.get(i).name(),
                  Icd203.percent(r.prior()[i]),
                  Icd203.percent(r.posterior()[i]),
                  Icd203.of(r.posterior()[i]).words(),
                  mixture == null ? "" : String.format(Locale.ROOT, "%8d", mixture.runs()[i]))
              .stripTrailing());
    }
    for (Updater.Evidence e : r.trail()) {
      o.printf(
          Locale.ROOT,
          "  %d. %s %s %s (r = %s): %s%n",
          e.step(),
          e.date(),
          e.indicator().id(),
          e.observed() ? "observed" : "not observed",
          trim(e.update().reliability()),
          UpdateOutputs.leader(e.update().after(), hs));
    }
    for (int k = 0; k < report.diagnosticity().size(); k++) {
      if (report.diagnosticity().get(k).flat()) {
        o.println(
            "Not diagnostic: "
                + r.set().indicators().get(k).id()
                + " (no outcome changes any pair's odds by more than "
                + trim(flatFactor)
                + ")");
      }
    }
    int shown = Math.min(3, report.watch().size());
    for (int k = 0; k < shown; k++) {
      WatchList.Watch w = report.watch().get(k);
      o.printf(
          Locale.ROOT,
          "Watch %d: %s (chance seen %s, expected shift %s)%n",
          k + 1,
          w.indicator().id(),
          Icd203.percent(w.probabilitySeen()),
          Icd203.percent(w.expectedShift()));
    }
    report.notes().forEach(n -> o.println("Note: " + n));
    if (mixture != null) {
      printMixture(o, mixture, hs);
    }
  }

  /** The mixture's world totals at the horizon, next to each hypothesis's. */
  private static void printMixture(PrintWriter o, MixtureForecast.Result m, List<Hypothesis> hs) {
    int horizon = m.mixture().model().scenario().months();
    StringBuilder head =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%-36s %18s", "World at month " + horizon + ", mean", "mixture"));
    for (int i = 0; i < hs.size(); i++) {
      if (m.perHypothesis().get(i) != null) {
        head.append(String.format(Locale.ROOT, " %14.14s", hs.get(i).id()));
      }
    }
    o.println(head);
    for (org.dispersal.model.State s : org.dispersal.model.State.HEADLINE) {
      var st = m.mixture().statistic(horizon, 0, 0, s);
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-36.36s %18s",
                  s.label(),
                  String.format(Locale.ROOT, "%,.0f [%,d-%,d]", st.mean(), st.p05(), st.p95())));
      for (int i = 0; i < hs.size(); i++) {
        if (m.perHypothesis().get(i) != null) {
          line.append(
              String.format(
                  Locale.ROOT,
                  " %,14.0f",
                  m.perHypothesis().get(i).statistic(horizon, 0, 0, s).mean()));
        }
      }
      o.println(line);
    }
  }

  private static String trim(double v) {
    return new java.text.DecimalFormat(
            "0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(v);
  }
}
