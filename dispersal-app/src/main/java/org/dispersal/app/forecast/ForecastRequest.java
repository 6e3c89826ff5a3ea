package org.dispersal.app.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
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
import org.dispersal.app.problem.InputException;
import org.dispersal.calibration.Posterior;
import org.dispersal.calibration.PosteriorEnsemble;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Scenario;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.report.HtmlReport;
import org.dispersal.output.text.Json;
import org.dispersal.store.RunKind;

/**
 * An ensemble forecast: replications of a scenario summarised into {@code summary.csv}, with {@code
 * manifest.json} and {@code report.html}.
 *
 * @param scenario the scenario as run
 * @param replications 1 to {@link #MAX_REPLICATIONS}
 * @param seed the master seed
 * @param threads worker threads, at least 1 (the numbers do not depend on them)
 * @param engine the engine; {@code AUTO} is resolved here (cohort unless the scenario needs agents)
 * @param overrides the parameter overrides the scenario was read with, for the manifest
 * @param posterior a posterior sample to draw each replication's parameters from, or null for the
 *     priors; cohort engine and the local ensemble only
 * @param ensemble where the replications run: {@link Ensemble#LOCAL} or a cluster
 */
public record ForecastRequest(
    ScenarioInput scenario,
    int replications,
    long seed,
    int threads,
    EngineKind engine,
    List<String> overrides,
    Posterior posterior,
    Ensemble ensemble)
    implements RunRequest<EnsembleSummary> {

  /** The most replications of one forecast. */
  public static final int MAX_REPLICATIONS = 10_000_000;

  private static final ObjectMapper JSON = Json.MAPPER;

  /**
   * The most replications whose per-replication values a forecast keeps for paired comparisons (a
   * named limit on memory and store size, not a model parameter): about 10 kB per replication for
   * 36 months of {@code isis-2017}, so 100 MB at this limit. Range: any positive count; larger
   * forecasts keep no values and are compared side by side.
   */
  public static final int MAX_PAIRED_REPLICATIONS = 10_000;

  /** The layout of a single scenario's replications, for pairing (see ReplicationValues). */
  static final String LAYOUT = "single";

  /** Validates the settings and resolves the engine. */
  public ForecastRequest {
    RunRequest.requireScenario(scenario);
    RunRequest.checkReplications(replications, MAX_REPLICATIONS);
    RunRequest.checkThreads(threads);
    try {
      engine =
          (engine == null ? EngineKind.AUTO : engine)
              .resolve(AgentFeatures.of(scenario.scenario()));
    } catch (IllegalArgumentException e) {
      throw InputException.field("engine", e.getMessage());
    }
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
    ensemble = ensemble == null ? Ensemble.LOCAL : ensemble;
    if (posterior != null && engine != EngineKind.COHORT) {
      throw InputException.field("posterior", "needs the cohort engine, not " + engine.id());
    }
  }

  /** A forecast as the service runs it: engine chosen automatically, priors, this process. */
  public static ForecastRequest of(
      ScenarioInput scenario, int replications, long seed, int threads) {
    return new ForecastRequest(
        scenario, replications, seed, threads, EngineKind.AUTO, List.of(), null, Ensemble.LOCAL);
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
    CompiledModel model = new CompiledModel(s);
    IntConsumer checked = RunRequest.checked(progress, cancellation);
    // Per-replication values for paired comparisons: local runs from the priors only.
    ReplicationCapture capture =
        ensemble == Ensemble.LOCAL && posterior == null
            ? ReplicationCapture.of(model, replications)
            : null;
    EnsembleSummary summary =
        capture == null
            ? ensemble.run(model, this, checked)
            : EnsembleRunner.run(
                model,
                replications,
                seed,
                threads,
                checked,
                capture.engines(() -> engine.create(model, AgentFeatures.of(s))));
    cancellation.check();
    Instant finished = Instant.now();
    ForecastResults.Settings settings =
        new ForecastResults.Settings(scenario, seed, replications, threads, engine.id());
    ForecastRun run =
        ForecastResults.run(settings, summary, overrides, provenance, started, finished);
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .ensemble(s, seed, replications, threads, engine.id())
            .put("overrides", overrides)
            .parameters(s)
            .build(provenance, started, finished);
    return ForecastResults.result(
        settings,
        ForecastResults.parameters(settings, overrides),
        summary,
        manifest,
        dir -> HtmlReport.write(run, dir.resolve("report.html")),
        started,
        finished,
        capture == null ? null : () -> capture.values(LAYOUT));
  }

  /**
   * Where a forecast's replications run. The summary is the same for the same seed wherever they
   * run.
   */
  @FunctionalInterface
  public interface Ensemble {

    /** In this process, on the request's threads. */
    Ensemble LOCAL =
        (model, r, progress) ->
            r.posterior() != null
                ? PosteriorEnsemble.run(
                        model,
                        r.posterior(),
                        r.replications(),
                        r.seed(),
                        r.threads(),
                        List.of(),
                        true,
                        progress)
                    .summary()
                : EnsembleRunner.run(
                    model,
                    r.replications(),
                    r.seed(),
                    r.threads(),
                    progress,
                    () -> r.engine().create(model, AgentFeatures.of(model.scenario())));

    /** Runs the request's replications of the compiled scenario and summarises them. */
    EnsembleSummary run(CompiledModel model, ForecastRequest request, IntConsumer progress);
  }
}
