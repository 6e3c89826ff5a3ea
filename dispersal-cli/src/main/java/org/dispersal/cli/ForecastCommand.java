package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.EnsembleRunner;
import org.dispersal.ensemble.EnsembleSummary;
import org.dispersal.model.Scenario;
import org.dispersal.output.forecast.ForecastRun;
import org.dispersal.output.forecast.Manifest;
import org.dispersal.output.forecast.SummaryCsv;
import org.dispersal.output.report.HtmlReport;
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

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description =
          "Override a parameter: a number (fixed), LOW..HIGH (uniform) or dist(args). Repeatable.")
  List<String> sets = new ArrayList<>();

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

  @Mixin SparkOption spark;

  @Mixin StoreOption store;

  @Override
  public Integer call() throws IOException {
    long seed = seedOption.value;
    if (runs < 1 || runs > 10_000_000) {
      throw new UserException("--runs must be between 1 and 10000000, not " + runs);
    }
    int workers = threads.workers();
    ScenarioSource.Loaded loaded = ScenarioSource.load(scenario.scenario, sets);
    Scenario s = loaded.scenario();
    if (months != null) {
      if (months < 1 || months > 240) {
        throw new UserException("--months must be between 1 and 240, not " + months);
      }
      s = s.withMonths(months);
    }
    Path dir = out != null ? out : defaultOut(s.name());
    Files.createDirectories(dir);
    var err = spec.commandLine().getErr();
    Instant started = Instant.now();
    CompiledModel model = new CompiledModel(s);
    EngineKind kind = engineKind(s);
    if (posterior != null && kind != EngineKind.COHORT) {
      throw new UserException("--posterior needs the cohort engine, not " + kind.id());
    }
    if (spark.enabled() && posterior != null) {
      throw new UserException("--posterior cannot be combined with --spark yet");
    }
    EnsembleSummary summary =
        spark.enabled()
            ? onSpark(
                ScenarioJob.of(scenario.scenario, loaded, sets, months == null ? 0 : months, kind),
                seed)
            : posterior != null
                ? org.dispersal.calibration.PosteriorEnsemble.run(
                        model,
                        org.dispersal.output.validation.PosteriorCsv.read(posterior),
                        runs,
                        seed,
                        workers,
                        List.of(),
                        true,
                        new Progress(err, runs, Progress.onTerminal()))
                    .summary()
                : EnsembleRunner.run(
                    model,
                    runs,
                    seed,
                    workers,
                    new Progress(err, runs, Progress.onTerminal()),
                    () -> kind.create(model, AgentFeatures.of(model.scenario())));
    Instant finished = Instant.now();
    ForecastRun run =
        new ForecastRun(
            s,
            loaded.text(),
            summary,
            seed,
            runs,
            workers,
            kind.id(),
            sets,
            Versions.codeVersion(),
            ScenarioSource.dataVersion(),
            started,
            finished);
    SummaryCsv.write(summary, s.start(), dir.resolve("summary.csv"));
    Manifest.write(run, dir.resolve("manifest.json"));
    HtmlReport.write(run, dir.resolve("report.html"));
    var o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "Forecast %s: %d replications in %.1f s (%d threads, seed %d)%n",
        s.name(),
        runs,
        (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0,
        workers,
        seed);
    Headline.print(o, summary);
    o.println("Wrote " + dir.resolve("summary.csv") + ", manifest.json, report.html");
    store.record("forecast", dir, loaded.text(), o, err);
    return 0;
  }

  /** Runs the ensemble on Spark; the summary equals the local runner's for the same seed. */
  private EnsembleSummary onSpark(ScenarioJob job, long seed) {
    try (var cluster = spark.open()) {
      return cluster.ensemble(job, runs, seed, cluster.defaultTasks());
    }
  }

  private EngineKind engineKind(Scenario s) {
    EngineKind asked;
    try {
      asked = EngineKind.valueOf(engine.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException("--engine must be cohort, agent or auto, not " + engine);
    }
    try {
      return asked.resolve(AgentFeatures.of(s));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static Path defaultOut(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of("out", name + "-" + stamp);
  }
}
