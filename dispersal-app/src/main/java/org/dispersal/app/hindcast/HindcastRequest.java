package org.dispersal.app.hindcast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntConsumer;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.calibration.Budget;
import org.dispersal.app.problem.InputException;
import org.dispersal.hindcast.Hindcast;
import org.dispersal.input.data.ReportedFigures;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.validation.HindcastCsv;
import org.dispersal.output.validation.HindcastReport;
import org.dispersal.output.validation.PosteriorCsv;
import org.dispersal.output.validation.ScorecardJson;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.Reporters;
import org.dispersal.stocks.DeathTolls;
import org.dispersal.stocks.StockRule;
import org.dispersal.store.RunKind;

/**
 * A hindcast: the information set frozen at a date, calibration on the figures published by then, a
 * forecast, and every later figure scored against it and two baselines ({@link Hindcast}); writes
 * hindcast.csv, scorecard.json, posterior.csv (when it calibrated) and hindcast.html. The country
 * death tolls among the figures published by then put floors under the countries' initial dead
 * ({@link DeathTolls}).
 *
 * @param scenario the scenario as known at the as-of date (initial stocks as of then); the request
 *     holds it started where {@code start} says ({@link ForecastStart#at}), so that its horizon is
 *     the one run
 * @param observations the published figures, at least one
 * @param settings the as-of date, replications, seed, threads and calibration budget
 * @param command how the run was asked for, shown in the report
 * @param reporting whether the scored forecasts are of the published figures (the reporting model
 *     estimated from what was published by the as-of date) rather than of the model's counts
 * @param definitions whether each figure is read under its definition (REPORTING.md)
 * @param stocks the rule that built the scenario's initial stocks from the shipped data, recorded
 *     in the manifest ({@link StockChoice})
 * @param start where the forecast starts, recorded in the manifest; null for the scenario as given
 *     ({@link ForecastStart#SCENARIO})
 */
public record HindcastRequest(
    ScenarioInput scenario,
    List<ObservationRecord> observations,
    Hindcast.Settings settings,
    String command,
    boolean reporting,
    boolean definitions,
    StockChoice stocks,
    ForecastStart start)
    implements RunRequest<Hindcast.Result> {

  /**
   * The earliest forecast date a hindcast takes: before 2015 the shared data holds one complete
   * country table (ICSR, December 2013) and no figure of what became of anyone.
   */
  public static final LocalDate EARLIEST_AS_OF = LocalDate.of(2015, 1, 1);

  /**
   * The latest forecast date a hindcast takes: the shared data ends in 2019 (the fall of Baghuz in
   * March 2019 is its last territorial event).
   */
  public static final LocalDate LATEST_AS_OF = LocalDate.of(2019, 12, 31);

  /**
   * Refuses a forecast date outside {@link #EARLIEST_AS_OF} to {@link #LATEST_AS_OF}.
   *
   * @param asOf the date
   * @throws InputException naming the possible dates
   */
  public static void checkAsOf(LocalDate asOf) {
    if (asOf.isBefore(EARLIEST_AS_OF) || asOf.isAfter(LATEST_AS_OF)) {
      throw InputException.field(
          "asOf",
          "'"
              + asOf
              + "' is outside the data: a hindcast can start on any date from "
              + EARLIEST_AS_OF
              + " to "
              + LATEST_AS_OF);
    }
  }

  /** A hindcast of the published figures (with the reporting model). */
  public HindcastRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      Hindcast.Settings settings,
      String command) {
    this(scenario, observations, settings, command, true, true, StockChoice.LATEST, null);
  }

  /**
   * A hindcast with or without the reporting model, each figure read under its definition
   * (REPORTING.md, "Definitional mappings").
   */
  public HindcastRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      Hindcast.Settings settings,
      String command,
      boolean reporting) {
    this(scenario, observations, settings, command, reporting, true, StockChoice.LATEST, null);
  }

  /** A hindcast of initial stocks built by the latest-figure rule. */
  public HindcastRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      Hindcast.Settings settings,
      String command,
      boolean reporting,
      boolean definitions) {
    this(
        scenario,
        observations,
        settings,
        command,
        reporting,
        definitions,
        StockChoice.LATEST,
        null);
  }

  /** Checks the budget and copies the figures. */
  public HindcastRequest {
    if (scenario == null || settings == null || settings.asOf() == null) {
      throw InputException.field("asOf", "a hindcast needs a scenario and an as-of date");
    }
    checkAsOf(settings.asOf());
    observations = List.copyOf(observations);
    if (observations.isEmpty()) {
      throw InputException.field("observations", "a hindcast needs at least one figure");
    }
    Budget.check(
        settings.runs(),
        settings.simulations() == 0 ? settings.particles() : settings.simulations(),
        settings.particles());
    RunRequest.checkThreads(settings.threads());
    command = command == null ? "" : command;
    stocks = stocks == null ? StockChoice.LATEST : stocks;
    start = start == null ? ForecastStart.SCENARIO : start;
    scenario = new ScenarioInput(start.at(scenario.scenario(), settings.asOf()), scenario.text());
  }

  @Override
  public RunKind kind() {
    return RunKind.HINDCAST;
  }

  @Override
  public int replications() {
    return settings.runs();
  }

  @Override
  public long seed() {
    return settings.seed();
  }

  @Override
  public RunResult<Hindcast.Result> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    SharedData data = SharedData.shipped();
    Hindcast.Reporting model =
        reporting
            ? new Hindcast.Reporting(
                ReportedFigures.model(data, observations, settings.asOf()),
                id -> ReportedFigures.type(data, id))
            : null;
    Reporters reporters =
        definitions
            ? Reporters.estimate(
                ReportedFigures.publishedBy(data, observations, settings.asOf()), settings.asOf())
            : null;
    // The country death tolls public by the date put floors under the initial dead (DeathTolls).
    LocalDate asOf = settings.asOf();
    Scenario asRun =
        scenario
            .scenario()
            .withOrigins(
                DeathTolls.apply(
                    StockRule.withDefaults(),
                    scenario.scenario().origins(),
                    observations,
                    asOf,
                    data));
    Hindcast.Result result =
        Hindcast.run(
            asRun,
            data,
            observations,
            settings,
            model,
            reporters,
            RunRequest.checked(progress, cancellation));
    cancellation.check();
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .exitPropensity(scenario.scenario())
            .put("command", command)
            .put("asOf", settings.asOf().toString())
            .put("stocks", stocks.describe(data, asOf))
            .put("startAt", start.describe())
            .put("runs", settings.runs())
            .put("seed", settings.seed())
            .put("particles", settings.particles())
            .put("simulations", settings.simulations())
            .put("observations", observations.size())
            .put("deathTollFloors", floors(asRun))
            .put(
                "reportingModel",
                result.reporting() == null ? "off" : result.reporting().describe())
            .put(
                "definitions",
                !definitions
                    ? "off: every figure compared with the count of its measure"
                    : "on: confirmed death share "
                        + FigureDefinitions.CONFIRMED_DEATH_SHARE
                        + ", source rules "
                        + FigureDefinitions.SOURCE_RULES.size()
                        + "; new reporters "
                        + reporters.describe()
                        + "; in the scoring and the calibration")
            .build(provenance, started, finished);
    return new RunResult<>(
        kind(),
        scenario,
        settings.runs(),
        settings.seed(),
        null,
        result,
        manifest,
        null,
        dir -> {
          HindcastCsv.write(result, dir.resolve("hindcast.csv"));
          ScorecardJson.write(result, command, dir.resolve("scorecard.json"));
          if (result.calibration() != null) {
            PosteriorCsv.write(result.calibration().posterior(), dir.resolve("posterior.csv"));
          }
          HindcastReport.write(result, settings, command, dir.resolve("hindcast.html"));
        },
        started,
        finished);
  }

  /**
   * The manifest's {@code deathTollFloors}: each origin whose dead at the start have a floor from
   * the death tolls public by the date, as {@code "MAR 553-906"} (people), in the scenario's order.
   */
  static List<String> floors(Scenario asRun) {
    return asRun.origins().stream()
        .filter(o -> o.killedAtLeast() != null)
        .map(o -> o.id() + " " + o.killedAtLeast().low() + "-" + o.killedAtLeast().high())
        .toList();
  }
}
