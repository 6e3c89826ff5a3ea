package org.dispersal.app.brief;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.dispersal.app.Cancellation;
import org.dispersal.app.Provenance;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.app.problem.InputException;
import org.dispersal.app.sensitivity.OutputSpec;
import org.dispersal.calibration.Target;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.ensemble.Statistic;
import org.dispersal.hypotheses.HypothesisSet;
import org.dispersal.input.scenario.HypothesisScenario;
import org.dispersal.model.Scenario;
import org.dispersal.model.State;
import org.dispersal.output.brief.Brief;
import org.dispersal.output.brief.BriefForecast;
import org.dispersal.output.brief.Drivers;
import org.dispersal.output.brief.TrackRecord;
import org.dispersal.sensitivity.SensitivityAnalysis;
import org.dispersal.sensitivity.Sobol;
import org.dispersal.store.StoredRun;
import org.dispersal.store.SummaryRow;

/**
 * A policymaker's brief ({@link Brief}): the forecast's world totals, either from a forecast run
 * now or from a stored forecast's summary rows, the top drivers of one headline output from a small
 * Morris screening, the scenario's indicators to watch at the prior weights and the track record.
 *
 * <p><b>The default screening.</b> Returns to the home countries by +24 months (world, all people)
 * is the output a policymaker asks about first, and the one the hindcast scores most often. Morris
 * with 4 trajectories on a 4-level grid and 2 replications per point with common random numbers is
 * 4 × (k + 1) design points (260 for isis-2017's 64 free parameters, 520 simulations of 24 months):
 * a few seconds on 2 cores, enough to rank the few parameters that matter (in the full analysis of
 * docs/VALIDATION.md two parameters carry most of the variance of returns), not to order the long
 * tail.
 *
 * @param scenario the scenario (for a stored run, its stored text)
 * @param hypotheses the scenario's hypotheses and indicators, or null for none
 * @param forecast the forecast's world totals, or null to run one now
 * @param replications replications of a forecast run now (ignored for a stored one)
 * @param seed the master seed of a forecast run now and of the screening
 * @param threads worker threads
 * @param trajectories Morris trajectories, 2 or more; 0 for no screening
 * @param pointReplications replications per Morris design point
 */
public record BriefRequest(
    ScenarioInput scenario,
    HypothesisSet hypotheses,
    BriefForecast forecast,
    int replications,
    long seed,
    int threads,
    int trajectories,
    int pointReplications) {

  /** Morris trajectories by default. */
  public static final int DEFAULT_TRAJECTORIES = 4;

  /** Replications per design point by default. */
  public static final int DEFAULT_POINT_REPLICATIONS = 2;

  /** The most trajectories a brief runs: beyond this, run dispersal sensitivity. */
  public static final int MAX_TRAJECTORIES = 50;

  /** How many drivers the brief lists. */
  public static final int TOP_DRIVERS = 5;

  /** Validates the settings. */
  public BriefRequest {
    if (scenario == null) {
      throw InputException.field("scenario", "is required");
    }
    if (forecast == null && (replications < 1 || replications > ForecastRequest.MAX_REPLICATIONS)) {
      throw InputException.field(
          "replications",
          "must be between 1 and " + ForecastRequest.MAX_REPLICATIONS + ", not " + replications);
    }
    if (threads < 1) {
      throw InputException.field("threads", "must be at least 1, not " + threads);
    }
    if (trajectories < 0 || trajectories == 1 || trajectories > MAX_TRAJECTORIES) {
      throw InputException.field(
          "trajectories",
          "must be 0 (no screening) or between 2 and "
              + MAX_TRAJECTORIES
              + ", not "
              + trajectories);
    }
    if (pointReplications < 1 || pointReplications > 100) {
      throw InputException.field(
          "point replications", "must be between 1 and 100, not " + pointReplications);
    }
    if (forecast != null && forecast.horizon() != scenario.scenario().months()) {
      throw InputException.field(
          "scenario",
          "runs "
              + scenario.scenario().months()
              + " months but the forecast "
              + forecast.horizon());
    }
  }

  /**
   * The world totals of a stored forecast, from its summary rows ({@code world}, all people, state
   * totals).
   *
   * @param origin where the rows come from, for the reader
   * @param rows the run's summary rows
   * @param replications the run's replications
   * @param seed the run's seed
   * @throws InputException when the rows hold no complete world series (not a forecast)
   */
  public static BriefForecast stored(
      String origin, List<SummaryRow> rows, long replications, long seed) {
    int horizon = -1;
    for (SummaryRow r : rows) {
      if (isWorldTotal(r)) {
        horizon = Math.max(horizon, r.month());
      }
    }
    if (horizon < 1) {
      throw InputException.field("run", origin + " has no world summary rows: not a forecast");
    }
    Map<State, Statistic[]> world = new EnumMap<>(State.class);
    for (State s : State.values()) {
      world.put(s, new Statistic[horizon + 1]);
    }
    for (SummaryRow r : rows) {
      State s = State.byId(r.state());
      if (isWorldTotal(r) && s != null) {
        world.get(s)[r.month()] =
            new Statistic(
                r.mean(),
                (int) r.p05(),
                (int) r.p25(),
                (int) r.p50(),
                (int) r.p75(),
                (int) r.p95());
      }
    }
    for (var e : world.entrySet()) {
      for (int m = 0; m <= horizon; m++) {
        if (e.getValue()[m] == null) {
          throw InputException.field(
              "run", origin + " has no world row of state " + e.getKey().id() + " at month " + m);
        }
      }
    }
    return new BriefForecast(origin, replications, seed, world);
  }

  /**
   * The brief of a stored forecast run, as {@code dispersal brief --run ID} and the service's
   * {@code GET /api/runs/{id}/brief.pdf} make it: the run's world totals, its scenario text (cut to
   * the run's horizon when it ran shorter) and hypotheses, and a screening with the default
   * settings. The caller checks first that the run is a forecast that succeeded.
   *
   * @param run the stored run
   * @param yaml the scenario text the run kept
   * @param read that text read with its hypotheses
   * @param rows the run's summary rows
   * @param seed the seed of the screening
   * @param threads worker threads
   * @param trajectories Morris trajectories, 0 for no screening
   * @throws InputException when the rows hold no complete world series
   */
  public static BriefRequest ofStoredRun(
      StoredRun run,
      String yaml,
      HypothesisScenario read,
      List<SummaryRow> rows,
      long seed,
      int threads,
      int trajectories) {
    BriefForecast f = stored("Stored run " + run.id(), rows, run.replications(), run.seed());
    Scenario s = read.scenario();
    if (s.months() != f.horizon()) {
      s = s.withMonths(f.horizon());
    }
    return new BriefRequest(
        new ScenarioInput(s, yaml),
        read.hypotheses(),
        f,
        1,
        seed,
        threads,
        trajectories,
        DEFAULT_POINT_REPLICATIONS);
  }

  private static boolean isWorldTotal(SummaryRow r) {
    return "world".equals(r.scope())
        && "all".equals(r.demographic())
        && (r.destination() == null || r.destination().isEmpty());
  }

  /**
   * Builds the brief: runs the forecast if there is none, then the screening.
   *
   * @param provenance the program's version, for the footer
   * @param progress told the replications done of a forecast run now
   * @param cancellation checked between the stages
   */
  public Brief build(Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Scenario s = scenario.scenario();
    BriefForecast f = forecast;
    if (f == null) {
      EnsembleSummary summary =
          ForecastRequest.of(scenario, replications, seed, threads)
              .execute(provenance, progress, cancellation)
              .value();
      f = BriefForecast.of("Forecast run for this brief", summary, seed);
    }
    cancellation.check();
    Drivers drivers = trajectories == 0 ? null : drivers(s);
    cancellation.check();
    TrackRecord track = TrackRecord.forScenario(s.name());
    String produced =
        "Dispersal "
            + provenance.codeVersion()
            + ", data "
            + provenance.dataVersion()
            + ", made "
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            + ".";
    return new Brief(s, f, drivers, hypotheses, track, produced);
  }

  /** The Morris screening of returns by +24 months (or the horizon). */
  Drivers drivers(Scenario s) {
    int month = Math.min(24, s.months());
    OutputSpec spec = OutputSpec.parse("returned:world:month=" + month, s);
    long t0 = System.nanoTime();
    CompiledModel model = spec.model(s);
    Target target = spec.target(model, s);
    SensitivityAnalysis.Result r =
        SensitivityAnalysis.run(
            model,
            target,
            new SensitivityAnalysis.Settings(
                trajectories,
                4,
                0,
                0,
                pointReplications,
                0,
                seed,
                threads,
                Sobol.Sampling.SOBOL_SEQUENCE));
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Drivers.Driver> top = new ArrayList<>();
    for (SensitivityAnalysis.ParameterResult p : r.parameters()) {
      if (top.size() < TOP_DRIVERS) {
        top.add(new Drivers.Driver(p.name(), p.muStar(), p.sigma()));
      }
    }
    String method =
        String.format(
            Locale.ROOT,
            "Screened: all %d free parameters, %d trajectories on a 4-level grid, %d replications"
                + " per point with common random numbers, %d design points, seed %d, %.1f s. A"
                + " small screening ranks the few parameters that matter, not the long tail; for"
                + " Sobol' indices run dispersal sensitivity.",
            r.parameters().size(),
            trajectories,
            pointReplications,
            r.morrisEvaluations(),
            seed,
            seconds);
    return new Drivers(
        "the number back in their home countries by +" + month + " months (world)", method, top);
  }
}
