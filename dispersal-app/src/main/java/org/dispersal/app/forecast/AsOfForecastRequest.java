package org.dispersal.app.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.hindcast.HindcastRequest;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.app.problem.InputException;
import org.dispersal.assimilation.AsOfStart;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.assimilation.LiuWest;
import org.dispersal.calibration.Posterior;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.input.data.ArrivalPriors;
import org.dispersal.input.data.ReportedFigures;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.data.StrongholdLosses;
import org.dispersal.model.Parameter;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.forecast.AssimilationCsv;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.report.HtmlReport;
import org.dispersal.random.RandomStreams;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.store.RunKind;

/**
 * A forecast made as of a date ({@code dispersal forecast --as-of DATE --observations FILE...}):
 * the initial stocks from the shared data known by the date (the scenario must have been read with
 * {@code ScenarioReader.withAsOf}, as the hindcast does), and the ensemble conditioned on the
 * observed figures published by the date whose month falls inside the model's run, by importance
 * resampling with the reporting model's likelihood ({@link Assimilation}; the reporting model is
 * estimated from the figures public by the date, as the hindcast's is). Writes what a forecast
 * writes (summary.csv, report.html with a "Conditioned on" box, manifest.json with an {@code
 * assimilation} entry) and assimilation.csv.
 *
 * <p>For an as-of date after the scenario's start the forecast starts at the as-of month ({@link
 * AsOfStart}): the model runs from the scenario's start, the months before the as-of month are
 * conditioned on the figures and left out, and summary.csv's month 0 is the as-of month, with the
 * scenario's horizon after it; strongholds lost by the date ({@link StrongholdLosses}) are lost,
 * those still held cannot fall before it. For an as-of date before the start, the forecast starts
 * at the as-of month too, with the stocks known then and the arrival flow ({@link ArrivalPriors}).
 *
 * @param scenario the scenario read as of the date
 * @param observations the observed figures of every file, in file order (may be empty: then only
 *     the initial stocks are as of the date)
 * @param asOf the as-of date
 * @param replications N, the replications of each of the two passes
 * @param seed the master seed
 * @param threads worker threads (the numbers do not depend on them)
 * @param engine the engine; {@code AUTO} is resolved here
 * @param overrides the parameter overrides the scenario was read with, for the manifest
 * @param posterior a posterior sample to draw each replication's parameters from, or null for the
 *     priors; parameters whose prior the as-of start changed (fall months cut or moved) are drawn
 *     from their as-of prior, not the sample
 * @param filter one importance-resampling step or the monthly particle filter; null for the
 *     default: monthly with the cohort engine, one step with the agent engine
 * @param cluster where the filter's particles run, or null for local threads
 * @param parameterMove the monthly filter's move of the static parameters ({@link LiuWest}): null
 *     for the default (discount {@link LiuWest#DEFAULT_DISCOUNT} with the monthly filter, none with
 *     one step), {@link LiuWest#OFF} for none
 * @param stocks the rule that built the scenario's initial stocks from the shipped data ({@link
 *     StockChoice}), recorded in the manifest; null for the latest-figure rule
 */
public record AsOfForecastRequest(
    ScenarioInput scenario,
    List<ObservationRecord> observations,
    LocalDate asOf,
    int replications,
    long seed,
    int threads,
    EngineKind engine,
    List<String> overrides,
    Posterior posterior,
    Assimilation.Filter filter,
    Cluster cluster,
    LiuWest parameterMove,
    StockChoice stocks)
    implements RunRequest<EnsembleSummary> {

  /**
   * A forecast as of a date with the default parameter move of its filter, from initial stocks
   * built by the latest-figure rule.
   */
  public AsOfForecastRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      LocalDate asOf,
      int replications,
      long seed,
      int threads,
      EngineKind engine,
      List<String> overrides,
      Posterior posterior,
      Assimilation.Filter filter,
      Cluster cluster) {
    this(
        scenario,
        observations,
        asOf,
        replications,
        seed,
        threads,
        engine,
        overrides,
        posterior,
        filter,
        cluster,
        null,
        null);
  }

  /**
   * Where a forecast as of a date runs its particles when not on local threads, for example Spark
   * executors: the passes for the run's {@link Setup}, which the workers rebuild the same way.
   */
  @FunctionalInterface
  public interface Cluster {
    /** The passes of the filter over the setup's model and used figures. */
    Assimilation.Passes passes(Setup setup);
  }

  /**
   * What the filter runs: the as-of start, the compiled model the engine runs, the model the
   * summary is shown on and the figures sorted; {@link #setup} builds it the same way on every
   * machine.
   *
   * @param start the as-of start
   * @param model the compiled scenario the engine runs
   * @param shown the compiled scenario of the summary
   * @param plan the figures used and set aside
   */
  public record Setup(
      AsOfStart start, CompiledModel model, CompiledModel shown, Assimilation.Plan plan) {}

  /**
   * Builds the setup of a forecast as of a date.
   *
   * @param s the scenario read as of the date
   * @param asOf the date
   * @param observations every figure, in file order
   */
  public static Setup setup(Scenario s, LocalDate asOf, List<ObservationRecord> observations) {
    SharedData data = SharedData.shipped();
    AsOfStart at = AsOfStart.of(s, asOf, StrongholdLosses.of(data), ArrivalPriors.of(data));
    CompiledModel model = new CompiledModel(at.run());
    CompiledModel shown = at.offset() == 0 ? model : new CompiledModel(at.shown());
    // Each figure is read under its definition (FigureDefinitions), the reporting countries as
    // known at the as-of date, as the hindcast reads them.
    Assimilation.Plan plan =
        Assimilation.plan(
            model,
            observations,
            asOf,
            data,
            id -> ReportedFigures.type(data, id),
            FigureDefinitions.reportingCountries(
                ReportedFigures.publishedBy(data, observations, asOf)));
    return new Setup(at, model, shown, plan);
  }

  /** A forecast as of a date on local threads. */
  public AsOfForecastRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      LocalDate asOf,
      int replications,
      long seed,
      int threads,
      EngineKind engine,
      List<String> overrides,
      Posterior posterior,
      Assimilation.Filter filter) {
    this(
        scenario,
        observations,
        asOf,
        replications,
        seed,
        threads,
        engine,
        overrides,
        posterior,
        filter,
        null);
  }

  /** A forecast as of a date from the priors with the default filter. */
  public AsOfForecastRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      LocalDate asOf,
      int replications,
      long seed,
      int threads,
      EngineKind engine,
      List<String> overrides) {
    this(
        scenario,
        observations,
        asOf,
        replications,
        seed,
        threads,
        engine,
        overrides,
        null,
        null,
        null);
  }

  /** Validates the settings and resolves the engine. */
  public AsOfForecastRequest {
    RunRequest.requireScenario(scenario);
    stocks = stocks == null ? StockChoice.LATEST : stocks;
    if (asOf == null) {
      throw InputException.field("asOf", "a forecast as of a date needs the date");
    }
    checkAsOf(asOf);
    RunRequest.checkReplications(replications, ForecastRequest.MAX_REPLICATIONS);
    RunRequest.checkThreads(threads);
    try {
      engine =
          (engine == null ? EngineKind.AUTO : engine)
              .resolve(AgentFeatures.of(scenario.scenario()));
    } catch (IllegalArgumentException e) {
      throw InputException.field("engine", e.getMessage());
    }
    if (filter == null) {
      filter =
          engine == EngineKind.COHORT ? Assimilation.Filter.MONTHLY : Assimilation.Filter.ONE_STEP;
    }
    if (filter == Assimilation.Filter.MONTHLY && engine != EngineKind.COHORT) {
      throw InputException.field(
          "filter",
          "the monthly filter needs the cohort engine, not "
              + engine.id()
              + ": use the one-step filter");
    }
    if (parameterMove == null) {
      parameterMove =
          filter == Assimilation.Filter.MONTHLY
              ? LiuWest.of(LiuWest.DEFAULT_DISCOUNT)
              : LiuWest.OFF;
    }
    if (!parameterMove.off() && filter != Assimilation.Filter.MONTHLY) {
      throw InputException.field(
          "filterDiscount", "moves the parameters of the monthly filter only, not " + filter.id());
    }
    if (posterior != null && engine != EngineKind.COHORT) {
      throw InputException.field("posterior", "needs the cohort engine, not " + engine.id());
    }
    observations = observations == null ? List.of() : List.copyOf(observations);
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  /**
   * Refuses an as-of date outside the shared data's range, the hindcast's ({@link
   * HindcastRequest#EARLIEST_AS_OF} to {@link HindcastRequest#LATEST_AS_OF}).
   *
   * @param asOf the date
   * @throws InputException naming the possible dates
   */
  public static void checkAsOf(LocalDate asOf) {
    if (asOf.isBefore(HindcastRequest.EARLIEST_AS_OF)
        || asOf.isAfter(HindcastRequest.LATEST_AS_OF)) {
      throw InputException.field(
          "asOf",
          "'"
              + asOf
              + "' is outside the data: a forecast can be made as of any date from "
              + HindcastRequest.EARLIEST_AS_OF
              + " to "
              + HindcastRequest.LATEST_AS_OF);
    }
  }

  @Override
  public RunKind kind() {
    return RunKind.FORECAST;
  }

  @Override
  public RunResult<EnsembleSummary> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    Scenario s = scenario.scenario();
    SharedData data = SharedData.shipped();
    Setup setup = setup(s, asOf, observations);
    AsOfStart at = setup.start();
    CompiledModel model = setup.model();
    CompiledModel shown = setup.shown();
    Assimilation.Plan plan = setup.plan();
    ReportingModel reporting = ReportedFigures.model(data, observations, asOf);
    EngineKind kind = engine;
    Scenario run = at.run();
    List<String> asOfPriors = changedPriors(s, run);
    Posterior sample = sample(s, setup, posterior);
    Assimilation.Inputs inputs = inputs(model, sample);
    Assimilation.Passes passes =
        cluster != null
            ? cluster.passes(setup)
            : Assimilation.local(
                model,
                plan.targets(),
                seed,
                threads,
                () -> kind.create(model, AgentFeatures.of(run)),
                inputs,
                shown,
                at.offset());
    Assimilation.Result result =
        Assimilation.run(
            plan,
            reporting,
            replications,
            seed,
            filter,
            passes,
            RunRequest.checked(progress, cancellation),
            parameterMove.off() ? null : Assimilation.mover(parameterMove, model, inputs, seed));
    cancellation.check();
    Instant finished = Instant.now();
    EnsembleSummary summary = result.summary();
    ScenarioInput shownInput = new ScenarioInput(at.shown(), scenario.text());
    ForecastResults.Settings settings =
        new ForecastResults.Settings(shownInput, seed, replications, threads, engine.id());
    ForecastRun forecast =
        ForecastResults.run(settings, summary, overrides, provenance, started, finished);
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .ensemble(at.shown(), seed, replications, threads, engine.id())
            .put("overrides", overrides)
            .put("stocks", stocks.describe(data, asOf))
            .assimilation(plan, result, reporting.describe(), note(s.start(), asOf), at.changes())
            .parameterMove(filter == Assimilation.Filter.MONTHLY ? parameterMove : null)
            .asOfPosterior(posterior, sample, asOfPriors)
            .parameters(at.shown())
            .build(provenance, started, finished);
    ObjectNode parameters = ForecastResults.parameters(settings, overrides);
    parameters.put("asOf", asOf.toString());
    parameters.put("observations", observations.size());
    parameters.put("filter", filter.id());
    if (parameterMove.off()) {
      parameters.put("filterDiscount", "off");
    } else {
      parameters.put("filterDiscount", parameterMove.discount());
    }
    parameters.put("posterior", posterior != null);
    return ForecastResults.result(
        settings,
        parameters,
        summary,
        manifest,
        dir -> {
          HtmlReport.write(forecast, plan, result, dir.resolve("report.html"));
          AssimilationCsv.write(plan, result, dir.resolve("assimilation.csv"));
        },
        started,
        finished);
  }

  /**
   * Each replication's inputs when its parameters come from a posterior sample (as {@code forecast
   * --posterior} draws them, {@link Posterior#draw} on the replication's PARAMETERS stream), or
   * null for the model's own draws from the priors; the same on every machine.
   *
   * @param model the compiled scenario the engine runs
   * @param sample the sample without the parameters whose prior the as-of start changed, or null
   */
  public static Assimilation.Inputs inputs(CompiledModel model, Posterior sample) {
    return sample == null
        ? null
        : (sd, i) ->
            model.replication(
                sd,
                i,
                sample.draw(model, RandomStreams.stream(sd, i, RandomStreams.Purpose.PARAMETERS)));
  }

  /**
   * The posterior sample the replications of an as-of forecast draw from: {@code posterior} without
   * the parameters whose prior the as-of start changed; null for none.
   *
   * @param original the scenario read as of the date
   * @param setup the forecast's setup
   * @param posterior the sample as read, or null
   * @throws InputException if the sample names a parameter the model lacks
   */
  public static Posterior sample(Scenario original, Setup setup, Posterior posterior) {
    if (posterior == null) {
      return null;
    }
    Posterior sample = without(posterior, changedPriors(original, setup.start().run()));
    try {
      sample.columns(setup.model());
    } catch (IllegalArgumentException e) {
      throw InputException.field("posterior", e.getMessage());
    }
    return sample;
  }

  /**
   * The parameters whose prior the as-of start changed or added (fall months cut at the date or
   * moved, the arrival flow), in the run scenario's order: a posterior sample calibrated at the
   * scenario's start does not know what the date knows, so these come from their as-of priors.
   */
  static List<String> changedPriors(Scenario original, Scenario run) {
    List<String> changed = new ArrayList<>();
    run.parameters()
        .forEach(
            (name, p) -> {
              Parameter o = original.parameters().get(name);
              if (o == null || !o.prior().equals(p.prior())) {
                changed.add(name);
              }
            });
    return changed;
  }

  /** The sample without the named columns (the same particles and weights). */
  static Posterior without(Posterior posterior, List<String> names) {
    List<String> keep = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    for (int j = 0; j < posterior.names().size(); j++) {
      if (!names.contains(posterior.names().get(j))) {
        keep.add(posterior.names().get(j));
        columns.add(j);
      }
    }
    if (keep.size() == posterior.names().size()) {
      return posterior;
    }
    double[][] values = new double[posterior.size()][keep.size()];
    for (int i = 0; i < posterior.size(); i++) {
      for (int c = 0; c < keep.size(); c++) {
        values[i][c] = posterior.value(i, columns.get(c));
      }
    }
    return new Posterior(keep, values, posterior.weights());
  }

  /** What month 0 and the months before the as-of date mean, for the manifest and the report. */
  static String note(YearMonth start, LocalDate asOf) {
    YearMonth month = YearMonth.from(asOf);
    if (month.isAfter(start)) {
      return "the forecast starts at "
          + month
          + " (month 0 of summary.csv): the model ran from the scenario's start "
          + start
          + ", its months "
          + start
          + " to "
          + month.minusMonths(1)
          + " were used for conditioning on the figures published by "
          + asOf
          + " and are not shown; strongholds lost by "
          + asOf
          + " are lost, those still held fall after it";
    }
    if (month.isBefore(start)) {
      return "the forecast starts at "
          + month
          + " (month 0 of summary.csv), before the scenario's start "
          + start
          + ": the initial stocks are the shared data known by "
          + asOf
          + ", people still arrive by the arrival flow (arrivals_per_month), strongholds lost"
          + " after the date fall at an unknown month; no figure can condition it";
    }
    return "the forecast starts at the scenario's start " + start + " (month 0 of summary.csv)";
  }
}
