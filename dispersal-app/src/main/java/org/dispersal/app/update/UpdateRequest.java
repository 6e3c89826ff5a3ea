package org.dispersal.app.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.artifacts.SummaryTable;
import org.dispersal.app.problem.InputException;
import org.dispersal.engine.CompiledModel;
import org.dispersal.hypotheses.Diagnosticity;
import org.dispersal.hypotheses.Event;
import org.dispersal.hypotheses.Hypothesis;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.hypotheses.MixtureForecast;
import org.dispersal.hypotheses.Updater;
import org.dispersal.model.Scenario;
import org.dispersal.output.analyst.HypothesesJson;
import org.dispersal.output.analyst.UpdateOutputs;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.report.HtmlReport;
import org.dispersal.output.text.Json;
import org.dispersal.store.RunKind;

/**
 * A hypothesis update: the scenario's competing hypotheses weighed against dated evidence in odds
 * form ({@link Updater}), with the audit trail, the indicators' diagnosticity and the watch list;
 * writes weights.csv, update.csv, events.csv, indicators.csv, update.json and update.html. With a
 * {@link Mixture}, also the mixture forecast (replications allocated by the updated weights) with
 * mixture.csv, summary.csv and report.html.
 *
 * @param scenario the scenario as read
 * @param hypotheses its hypotheses and indicators
 * @param evidence the reports and figures
 * @param asOf the date up to which evidence is known; null for the last report's day
 * @param reliability the reliability (0 to 1) of reports that state none and of a future sighting
 * @param duplicateDays the largest gap in days between two reports of one incident, 0 to 365
 * @param flatFactor an indicator is not diagnostic when no outcome moves any pair's odds by more
 *     than this factor, at least 1
 * @param mixture the mixture forecast to run, or null for none
 */
public record UpdateRequest(
    ScenarioInput scenario,
    HypothesisSet hypotheses,
    Evidence evidence,
    LocalDate asOf,
    double reliability,
    int duplicateDays,
    double flatFactor,
    Mixture mixture)
    implements RunRequest<UpdateRequest.Outcome> {

  private static final ObjectMapper JSON = Json.MAPPER;

  /** Validates the settings and settles the as-of date. */
  public UpdateRequest {
    if (scenario == null) {
      throw InputException.field("scenario", "is required");
    }
    if (hypotheses == null) {
      throw noHypotheses(scenario.name());
    }
    if (!(reliability >= 0 && reliability <= 1)) {
      throw InputException.field("reliability", "must be between 0 and 1, not " + fmt(reliability));
    }
    if (duplicateDays < 0 || duplicateDays > 365) {
      throw InputException.field(
          "duplicateDays", "must be between 0 and 365, not " + duplicateDays);
    }
    if (!(flatFactor >= 1)) {
      throw InputException.field("flatFactor", "must be at least 1, not " + fmt(flatFactor));
    }
    if (asOf == null) {
      for (Event e : evidence.events()) {
        if (asOf == null || e.lastDay().isAfter(asOf)) {
          asOf = e.lastDay();
        }
      }
      if (asOf == null) {
        throw InputException.field(
            "asOf", "the events hold no reports; give the as-of date to update on none");
      }
    }
    if (mixture != null && mixture.scenarios().size() != hypotheses.hypotheses().size()) {
      throw new IllegalArgumentException("the mixture needs one scenario per hypothesis");
    }
  }

  /** An update as the service runs it: the default reliability, duplicate window and factor. */
  public static UpdateRequest of(
      ScenarioInput scenario,
      HypothesisSet hypotheses,
      Evidence evidence,
      LocalDate asOf,
      Double reliability,
      Integer duplicateDays) {
    return new UpdateRequest(
        scenario,
        hypotheses,
        evidence,
        asOf,
        reliability == null ? HypothesesJson.DEFAULT_RELIABILITY : reliability,
        duplicateDays == null ? HypothesesJson.DEFAULT_DUPLICATE_DAYS : duplicateDays,
        Diagnosticity.FLAT_FACTOR,
        null);
  }

  /** The refusal of an update of a scenario that declares no hypotheses. */
  public static InputException noHypotheses(String scenario) {
    return new InputException(
        "scenario "
            + scenario
            + " declares no hypotheses; add hypotheses: and indicators: sections"
            + " (docs/SCENARIOS.md)",
        List.of(
            org.dispersal.app.problem.InputProblem.field("scenarioId", "declares no hypotheses")));
  }

  /**
   * The mixture forecast of an update: one scenario per hypothesis (its variant with its
   * overrides), all starting when the base scenario does and running as long.
   *
   * @param scenarios the hypotheses' scenarios, in the hypotheses' order
   * @param replications replications in all, at least 1
   * @param seed the master seed
   * @param threads worker threads, at least 1
   */
  public record Mixture(List<Scenario> scenarios, int replications, long seed, int threads) {

    /** Copies the list and checks the settings. */
    public Mixture {
      scenarios = List.copyOf(scenarios);
      if (replications < 1) {
        throw InputException.field("replications", "must be at least 1, not " + replications);
      }
      if (threads < 1) {
        throw InputException.field("threads", "must be at least 1, not " + threads);
      }
    }
  }

  /**
   * What an update found.
   *
   * @param report the weights, audit trail, diagnosticity and watch list
   * @param mixture the mixture forecast, or null when none was run
   */
  public record Outcome(UpdateOutputs.Report report, MixtureForecast.Result mixture) {}

  @Override
  public RunKind kind() {
    return RunKind.UPDATE;
  }

  /** The mixture forecast's replications; 0 without one. */
  @Override
  public int replications() {
    return mixture == null ? 0 : mixture.replications();
  }

  /** The mixture forecast's seed; 0 without one. */
  @Override
  public long seed() {
    return mixture == null ? 0 : mixture.seed();
  }

  @Override
  public RunResult<Outcome> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    Scenario base = scenario.scenario();
    Updater.Result result =
        Updater.run(
            hypotheses,
            evidence.events(),
            evidence.figures(),
            evidence.coverage().isEmpty() ? null : evidence.coverage(),
            asOf,
            duplicateDays);
    List<String> notes = new ArrayList<>(evidence.notes());
    notes.addAll(evidence.coverageNotes());
    for (Updater.Status st : result.statuses()) {
      if (st.outcome() == Updater.Outcome.NOT_COVERED) {
        List<String> gaps = new ArrayList<>();
        evidence.coverage().forEach(c -> gaps.add(c.file() + ": " + c.gap(st.indicator())));
        notes.add(
            st.indicator().id()
                + ": not observed, moves no weight: the event files do not cover it ("
                + String.join("; ", gaps)
                + ")");
      }
    }
    UpdateOutputs.Report report =
        UpdateOutputs.Report.of(result, flatFactor, reliability, evidence.sources(), notes);
    cancellation.check();
    MixtureForecast.Result mix = null;
    List<String> described = new ArrayList<>();
    if (mixture != null) {
      for (int i = 0; i < mixture.scenarios().size(); i++) {
        Scenario s = mixture.scenarios().get(i);
        if (!s.start().equals(base.start()) || s.months() != base.months()) {
          throw InputException.field(
              "hypotheses",
              "hypothesis "
                  + hypotheses.hypotheses().get(i).id()
                  + " runs "
                  + s.name()
                  + ", which starts "
                  + s.start()
                  + " with "
                  + s.months()
                  + " months; the scenario starts "
                  + base.start()
                  + " with "
                  + base.months());
        }
      }
      List<CompiledModel> models = mixture.scenarios().stream().map(CompiledModel::new).toList();
      double[] weights = result.posterior();
      mix =
          MixtureForecast.run(
              models,
              weights,
              mixture.replications(),
              mixture.seed(),
              mixture.threads(),
              RunRequest.checked(progress, cancellation));
      for (int i = 0; i < hypotheses.hypotheses().size(); i++) {
        Hypothesis h = hypotheses.hypotheses().get(i);
        described.add(
            String.format(
                Locale.ROOT,
                "hypothesis %s at weight %.4f: %d replications of %s",
                h.id(),
                weights[i],
                mix.runs()[i],
                h.describeRun()));
      }
    }
    Instant finished = Instant.now();
    ManifestBuilder m =
        ManifestBuilder.of(kind(), scenario)
            .scenario("hypotheses", hypotheses.hypotheses().size())
            .scenario("indicators", hypotheses.indicators().size());
    ObjectNode events = m.object("events");
    events.put("rows", evidence.events().size());
    ArrayNode sources = events.putArray("sources");
    evidence.sources().forEach(sources::add);
    for (Map.Entry<String, String> t : evidence.texts().entrySet()) {
      events.put("file", t.getKey());
      events.put("sha256", ManifestBuilder.sha256(t.getValue()));
    }
    m.put("asOf", asOf.toString())
        .put("reliability", reliability)
        .put("duplicateDays", duplicateDays)
        .put("flatFactor", flatFactor);
    int runs = replications();
    long seed = seed();
    m.put("runs", runs);
    if (mix != null) {
      m.scenario("months", base.months())
          .scenario("origins", base.origins().size())
          .put("seed", seed)
          .put("threads", mixture.threads())
          .put("engine", "cohort (mixture of hypotheses)")
          .put("overrides", described)
          .parameters(base);
    }
    String manifest = m.build(provenance, started, finished);
    ObjectNode parameters = JSON.createObjectNode();
    parameters.put("asOf", asOf.toString());
    parameters.put("reliability", reliability);
    parameters.put("duplicateDays", duplicateDays);
    MixtureForecast.Result mixed = mix;
    ForecastRun run =
        mix == null
            ? null
            : new ForecastRun(
                base,
                scenario.text(),
                mix.mixture(),
                seed,
                runs,
                mixture.threads(),
                "cohort (mixture of hypotheses)",
                described,
                provenance.codeVersion(),
                provenance.dataVersion(),
                started,
                finished);
    return new RunResult<>(
        kind(),
        scenario,
        runs,
        seed,
        parameters.toString(),
        new Outcome(report, mix),
        manifest,
        mix == null ? null : new SummaryTable(mix.mixture(), base.start()),
        dir -> {
          UpdateOutputs.writeAll(report, mixed, base.name(), base.start(), dir);
          if (run != null) {
            HtmlReport.write(run, dir.resolve("report.html"));
          }
          for (Map.Entry<String, String> t : evidence.texts().entrySet()) {
            Files.writeString(dir.resolve(t.getKey()), t.getValue(), StandardCharsets.UTF_8);
          }
        },
        started,
        finished);
  }

  private static String fmt(double d) {
    return Double.toString(d);
  }
}
