package org.dispersal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.forecast.AsOfForecastRequest;
import org.dispersal.app.forecast.DefaultMixture;
import org.dispersal.app.forecast.ForecastRequest;
import org.dispersal.app.hindcast.StockChoice;
import org.dispersal.assimilation.Assimilation;
import org.dispersal.assimilation.LiuWest;
import org.dispersal.calibration.Posterior;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.input.scenario.ScenarioValidator;
import org.dispersal.model.Scenario;
import org.dispersal.output.text.Json;
import org.dispersal.output.validation.PosteriorCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal forecast}: runs an ensemble and writes summary.csv, manifest.json, report.html.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = "Run an ensemble forecast and write summary.csv, manifest.json and report.html.")
final class ForecastCommand implements Callable<Integer> {

  /** Replications when --runs is not given. */
  static final int DEFAULT_RUNS = 1000;

  /** The master seed when --seed is not given. */
  static final long DEFAULT_SEED = 20170213L;

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin ScenarioOption scenario;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_RUNS,
      description = "Number of replications (default: ${DEFAULT-VALUE}).")
  int runs;

  @Mixin SeedOption seedOption;

  @Mixin ThreadsOption threads;

  @Option(
      names = "--months",
      paramLabel = "M",
      description = "Forecast horizon in months (default: the scenario's).")
  Integer months;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: out/<scenario>-<timestamp>).")
  Path out;

  @Mixin OverrideOption overrides;

  @Option(
      names = "--engine",
      paramLabel = "cohort|agent|auto",
      defaultValue = "auto",
      description =
          "Engine: cohort, agent, or auto (cohort unless the scenario uses agent-only"
              + " features; default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(
      names = "--posterior",
      paramLabel = "FILE",
      description =
          "Draw each replication's parameters from a posterior sample (posterior.csv of"
              + " dispersal calibrate or hindcast) instead of the priors; cohort engine only.")
  Path posterior;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Forecast with what was known on DATE (YYYY-MM-DD): initial stocks from the shared data"
              + " known then, and the replications resampled by how likely they make the"
              + " --observations figures published by then (docs/FORECASTS.md).")
  String asOf;

  @Option(
      names = "--stocks",
      paramLabel = "RULE",
      description =
          "With --as-of: how the initial stocks are built from the figures public by DATE: latest"
              + " (each quantity's latest figure, the default) or pooled (every source's latest"
              + " figure, de-biased, projected with the revision trend and pooled;"
              + " docs/REPORTING.md).")
  String stocks;

  @Option(
      names = "--observations",
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "With --as-of: observation files (date,published,scope,scope_id,demographic,measure,"
              + "low,high,source_id) whose figures published by DATE condition the forecast.")
  List<Path> observations = new ArrayList<>();

  @Option(
      names = "--filter",
      paramLabel = "KIND",
      description =
          "With --as-of: how the figures condition the ensemble: monthly (a particle filter month"
              + " by month with rejuvenation; the default with the cohort engine) or one-step (one"
              + " importance resampling over all figures; the default with the agent engine).")
  String filter;

  @Option(
      names = "--filter-discount",
      paramLabel = "DELTA|off",
      description =
          "With --as-of and the monthly filter: the discount of the Liu-West move of the static"
              + " parameters at each resampling step, above 1/3 and at most 1 (default 0.98, usual"
              + " 0.95-0.99; smaller moves more), or off to keep each particle's parameters"
              + " (docs/FORECASTS.md).")
  String filterDiscount;

  @Option(
      names = "--single",
      description =
          "Run the scenario alone, not the mixture of its competing hypotheses that a scenario"
              + " with shipped stacking weights runs by default (isis-2017; docs/ANALYST.md).")
  boolean single;

  @Mixin SparkOption spark;

  @Mixin StoreOption store;

  @Override
  public Integer call() throws IOException {
    long seed = seedOption.value;
    if (runs < 1 || runs > ForecastRequest.MAX_REPLICATIONS) {
      throw new UserException(
          "--runs must be between 1 and " + ForecastRequest.MAX_REPLICATIONS + ", not " + runs);
    }
    int workers = threads.workers();
    if (filter != null && asOf == null) {
      throw new UserException("--filter needs --as-of DATE");
    }
    if (filterDiscount != null && asOf == null) {
      throw new UserException("--filter-discount needs --as-of DATE");
    }
    if (stocks != null && asOf == null) {
      throw new UserException("--stocks needs --as-of DATE");
    }
    if (asOf != null || !observations.isEmpty()) {
      return callAsOf(seed, workers);
    }
    // The store opens while the scenario and its hypotheses are read (docs/PERFORMANCE.md,
    // "Session 11"); a forecast that fails before it runs closes it unused.
    store.openEarly();
    try {
      return callForecast(seed, workers);
    } finally {
      store.discard();
    }
  }

  /** A forecast from the start (no --as-of): the mixture of hypotheses unless asked otherwise. */
  private Integer callForecast(long seed, int workers) throws IOException {
    ScenarioSource.Loaded loaded = ScenarioSource.load(scenario.scenario, overrides.sets);
    if (months != null && (months < 1 || months > ScenarioValidator.MAX_MONTHS)) {
      throw new UserException(
          "--months must be between 1 and " + ScenarioValidator.MAX_MONTHS + ", not " + months);
    }
    Scenario s = months == null ? loaded.scenario() : loaded.scenario().withMonths(months);
    EngineKind asked = engineKind();
    Posterior sample = posterior == null ? null : PosteriorCsv.read(posterior);
    var mixture =
        single || posterior != null || spark.enabled() || asked == EngineKind.AGENT
            ? java.util.Optional.<org.dispersal.app.forecast.MixtureRequest>empty()
            : DefaultMixture.request(
                loaded.hypotheses(),
                new ScenarioInput(s, loaded.text()),
                (variant, all) ->
                    variant == null && all.equals(overrides.sets)
                        ? loaded.scenario()
                        : ScenarioSource.reader(all)
                            .read(variant == null ? scenario.scenario : variant),
                overrides.sets,
                months,
                runs,
                seed,
                workers);
    if (mixture.isPresent()) {
      return runMixture(mixture.get(), s, asked, workers, seed);
    }
    ForecastRequest request =
        new ForecastRequest(
            new ScenarioInput(s, loaded.text()),
            runs,
            seed,
            workers,
            asked,
            overrides.sets,
            sample,
            spark.enabled()
                ? (model, r, progress) ->
                    onSpark(
                        model,
                        ScenarioJob.of(
                            scenario.scenario,
                            loaded,
                            overrides.sets,
                            months == null ? 0 : months,
                            r.engine()),
                        r.posterior(),
                        seed)
                : ForecastRequest.Ensemble.LOCAL);
    // A forecast killed on the way leaves a failed run and a marked folder (issue #18).
    return stored(request, s, asked, workers, seed, () -> {}, result -> {});
  }

  /** {@code --as-of}: the scenario read as of the date, conditioned by {@link AsOfForecast}. */
  private Integer callAsOf(long seed, int workers) throws IOException {
    if (asOf == null) {
      throw new UserException("--observations needs --as-of DATE: the date they are known by");
    }
    Assimilation.Filter kind;
    try {
      kind = filter == null ? null : Assimilation.Filter.of(filter);
    } catch (IllegalArgumentException e) {
      throw new UserException("--filter " + e.getMessage());
    }
    StockChoice rule = stocks == null ? StockChoice.LATEST : StockChoice.parse(stocks);
    LiuWest move = discount();
    if (move != null && !move.off() && kind == Assimilation.Filter.ONE_STEP) {
      throw new UserException(
          "--filter-discount moves the parameters of the monthly filter only: use --filter"
              + " monthly, or leave --filter-discount out");
    }
    Posterior sample = posterior == null ? null : PosteriorCsv.read(posterior);
    if (months != null && (months < 1 || months > ScenarioValidator.MAX_MONTHS)) {
      throw new UserException(
          "--months must be between 1 and " + ScenarioValidator.MAX_MONTHS + ", not " + months);
    }
    AsOfForecast.Prepared prepared =
        AsOfForecast.prepare(
            scenario.scenario,
            overrides.sets,
            rule,
            months,
            CalibrateCommand.date(asOf),
            observations);
    Scenario s = prepared.scenario();
    EngineKind asked = engineKind();
    DistributedRunner.Session session = null;
    try {
      AsOfForecastRequest.Cluster cluster = null;
      if (spark.enabled()) {
        AsOfJob job = sparkJob(prepared, asked, seed, sample, rule);
        session = spark.open();
        cluster = job.on(session);
      }
      AsOfForecastRequest request =
          new AsOfForecastRequest(
              new ScenarioInput(s, prepared.text()),
              prepared.observations(),
              prepared.asOf(),
              runs,
              seed,
              workers,
              asked,
              overrides.sets,
              sample,
              kind,
              cluster,
              move,
              rule);
      return stored(
          request,
          s,
          asked,
          workers,
          seed,
          () -> {},
          result -> AsOfForecast.print(spec.commandLine().getOut(), result.manifestJson()));
    } finally {
      if (session != null) {
        session.close();
      }
    }
  }

  /**
   * The as-of forecast's job for Spark workers: the scenario as text unless built in, the
   * observation files' text, the engine resolved as the request resolves it.
   */
  private AsOfJob sparkJob(
      AsOfForecast.Prepared prepared,
      EngineKind asked,
      long seed,
      Posterior sample,
      StockChoice rule)
      throws IOException {
    String name = scenario.scenario;
    boolean builtIn = org.dispersal.input.scenario.ScenarioReader.builtInNames().contains(name);
    List<AsOfJob.File> files = new ArrayList<>();
    for (Path p : observations) {
      files.add(
          new AsOfJob.File(
              p.getFileName().toString(),
              java.nio.file.Files.readString(p, java.nio.charset.StandardCharsets.UTF_8)));
    }
    EngineKind resolved;
    try {
      resolved = asked.resolve(org.dispersal.agent.AgentFeatures.of(prepared.scenario()));
    } catch (IllegalArgumentException e) {
      throw new UserException("--engine: " + e.getMessage());
    }
    AsOfJob job =
        new AsOfJob(
            name,
            builtIn ? null : prepared.text(),
            overrides.sets,
            months == null ? 0 : months,
            resolved,
            prepared.asOf().toString(),
            files,
            seed,
            false,
            PosteriorSample.of(sample),
            rule);
    if (!builtIn) {
      try {
        job.read();
      } catch (RuntimeException e) {
        throw new UserException(
            "--spark sends "
                + name
                + " to the workers as text, where it may extend only a built-in scenario: "
                + e.getMessage());
      }
    }
    return job;
  }

  /** The default forecast of a scenario with stacking weights: the mixture of its hypotheses. */
  private int runMixture(
      org.dispersal.app.forecast.MixtureRequest request,
      Scenario s,
      EngineKind asked,
      int workers,
      long seed)
      throws IOException {
    return stored(
        request,
        s,
        asked,
        workers,
        seed,
        () ->
            spec.commandLine()
                .getOut()
                .println(
                    "Mixture of "
                        + request.hypotheses().size()
                        + " hypotheses: "
                        + request.weightsNote()
                        + "; --single runs the scenario alone"),
        result -> {});
  }

  /**
   * Runs a forecast request through the store and prints its headline, with a line before it and
   * what follows it.
   */
  private int stored(
      RunRequest<EnsembleSummary> request,
      Scenario s,
      EngineKind asked,
      int workers,
      long seed,
      Runnable before,
      java.util.function.Consumer<RunResult<EnsembleSummary>> after)
      throws IOException {
    var err = spec.commandLine().getErr();
    Path dir = out != null ? out : defaultOut(s.name());
    store.run(
        request,
        startParameters(asked, workers),
        dir,
        "dispersal forecast",
        spec,
        () -> new Progress(err, runs, quiet.progress()),
        result -> {
          before.run();
          report(s, workers, seed, result, dir);
          after.accept(result);
        });
    return 0;
  }

  /** The run's settings as known before it runs (the engine as asked), for the store. */
  private String startParameters(EngineKind asked, int workers) {
    ObjectNode parameters = Json.MAPPER.createObjectNode();
    parameters.put("engine", asked.name().toLowerCase(Locale.ROOT));
    parameters.put("threads", workers);
    overrides.sets.forEach(parameters.putArray("overrides")::add);
    return parameters.toString();
  }

  private void report(
      Scenario s, int workers, long seed, RunResult<EnsembleSummary> result, Path dir) {
    var o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "Forecast %s: %d replications in %.1f s (%d threads, seed %d)%n",
        s.name(),
        runs,
        (result.finished().toEpochMilli() - result.started().toEpochMilli()) / 1000.0,
        workers,
        seed);
    Headline.print(o, result.value());
    o.println("Wrote " + dir.resolve("summary.csv") + ", manifest.json, report.html");
  }

  /**
   * Runs the ensemble on Spark, its parameters drawn from the posterior sample when there is one
   * ({@link PosteriorJob}); the summary equals the local runner's for the same seed.
   */
  private EnsembleSummary onSpark(
      org.dispersal.engine.CompiledModel model, ScenarioJob job, Posterior sample, long seed) {
    if (sample != null) {
      // Refused here as locally (PosteriorEnsemble): a sample naming a parameter the model lacks.
      sample.columns(model);
    }
    DistributedRunner.ReplicationJob sent =
        sample == null ? job : new PosteriorJob(job, PosteriorSample.of(sample));
    try (var cluster = spark.open()) {
      return cluster.ensemble(sent, runs, seed, cluster.defaultTasks());
    }
  }

  /** The parameter move asked by {@code --filter-discount}, or null for the filter's default. */
  private LiuWest discount() {
    if (filterDiscount == null) {
      return null;
    }
    if (filterDiscount.equals("off")) {
      return LiuWest.OFF;
    }
    double d;
    try {
      d = Double.parseDouble(filterDiscount);
    } catch (NumberFormatException e) {
      throw new UserException(
          "--filter-discount '" + filterDiscount + "' is not a number: give 0.95 to 0.99, or off");
    }
    try {
      return LiuWest.of(d);
    } catch (IllegalArgumentException e) {
      throw new UserException("--filter-discount " + e.getMessage());
    }
  }

  private EngineKind engineKind() {
    try {
      return EngineKind.valueOf(engine.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException("--engine must be cohort, agent or auto, not " + engine);
    }
  }

  private static Path defaultOut(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of("out", name + "-" + stamp);
  }
}
