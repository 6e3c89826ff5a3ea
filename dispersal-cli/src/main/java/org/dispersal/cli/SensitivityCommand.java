package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.agent.EngineKind;
import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.calibration.Target;
import org.dispersal.calibration.TargetResolver;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.model.Scenario;
import org.dispersal.output.validation.SensitivityOutputs;
import org.dispersal.scoring.ObservedRange;
import org.dispersal.sensitivity.SensitivityAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dispersal sensitivity}: Morris screening of every free parameter, then Sobol' indices of
 * the most influential, for chosen outputs, with common random numbers.
 */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Morris screening of every free parameter, then Sobol' first-order and total indices"
          + " (Saltelli sampling, Jansen estimators) of the most influential, with common random"
          + " numbers. Writes sensitivity.csv and sensitivity.html.",
      "The defaults take a few minutes on 2 cores; raise --trajectories, --base-samples and"
          + " --replications for tighter intervals (cost: replications × (trajectories × (k+1) +"
          + " base-samples × (top+2)) simulations per output)."
    })
final class SensitivityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ScenarioOption scenario;

  @Option(
      names = "--output",
      paramLabel = "MEASURE:SCOPE[=ID]:month=M[:demographic=D]",
      required = true,
      arity = "1..*",
      description =
          "An output, for example \"returned:region=Western Europe:month=24\". Measures: "
              + "travelled, returned, killed, in_theatre, detained, relocated, prosecuted, attacks;"
              + " scopes: world, region=ID, country=ISO3, countries=A+B.")
  List<String> outputs = new ArrayList<>();

  @Option(
      names = "--trajectories",
      paramLabel = "R",
      defaultValue = "10",
      description = "Morris trajectories (default: ${DEFAULT-VALUE}).")
  int trajectories;

  @Option(
      names = "--levels",
      paramLabel = "P",
      defaultValue = "4",
      description = "Morris grid levels, even (default: ${DEFAULT-VALUE}).")
  int levels;

  @Option(
      names = "--top",
      paramLabel = "K",
      defaultValue = "6",
      description = "Parameters taken on to the Sobol' stage (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--base-samples",
      paramLabel = "N",
      defaultValue = "256",
      description = "Saltelli base sample size (default: ${DEFAULT-VALUE}).")
  int baseSamples;

  @Option(
      names = "--replications",
      paramLabel = "N",
      defaultValue = "4",
      description = "Replications averaged per design point (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--bootstrap",
      paramLabel = "B",
      defaultValue = "500",
      description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--sampling",
      paramLabel = "sobol|random",
      defaultValue = "sobol",
      description =
          "Saltelli base matrices from a Sobol' sequence or Monte Carlo draws (default:"
              + " ${DEFAULT-VALUE}).")
  String sampling;

  @Mixin SeedAndSetOptions seedAndSet;

  @Mixin ThreadsOption threads;

  @Mixin SparkOption spark;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/sensitivity",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    int workers = threads.workers();
    if (trajectories < 2
        || levels < 2
        || levels % 2 != 0
        || top < 0
        || baseSamples < 0
        || replications < 1
        || bootstrap < 0) {
      throw new UserException(
          "need --trajectories >= 2, an even --levels >= 2, --top >= 0,"
              + " --base-samples >= 0, --replications >= 1 and --bootstrap >= 0");
    }
    ScenarioSource.Loaded loaded = ScenarioSource.load(scenario.scenario, seedAndSet.sets);
    Scenario s = loaded.scenario();
    Files.createDirectories(out);
    // With --spark, the workers rebuild the scenario from this job (checked before Spark starts).
    ScenarioJob job =
        spark.enabled()
            ? ScenarioJob.of(scenario.scenario, loaded, seedAndSet.sets, 0, EngineKind.COHORT)
            : null;
    try (DistributedRunner.Session cluster = spark.enabled() ? spark.open() : null) {
      run(s, workers, cluster, job);
    }
    return 0;
  }

  /** Analyses every output, on local threads or on the cluster, and writes the outputs. */
  private void run(Scenario s, int workers, DistributedRunner.Session cluster, ScenarioJob job)
      throws IOException {
    List<SensitivityOutputs.Output> results = new ArrayList<>();
    var o = spec.commandLine().getOut();
    for (String spec0 : outputs) {
      long t0 = System.nanoTime();
      Parsed p = parse(spec0, s);
      CompiledModel model = modelFor(s, p);
      Target target = target(model, spec0, s, p);
      var settings =
          new SensitivityAnalysis.Settings(
              trajectories,
              levels,
              top,
              baseSamples,
              replications,
              bootstrap,
              seedAndSet.seed,
              workers,
              samplingKind());
      var r =
          cluster == null
              ? SensitivityAnalysis.run(model, target, settings)
              : SensitivityAnalysis.run(
                  model,
                  target,
                  settings,
                  names ->
                      points -> {
                        var design =
                            new SensitivityJob(job, spec0, names, replications, seedAndSet.seed);
                        return cluster
                            .map(design, Arrays.asList(points), cluster.defaultTasks())
                            .stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray();
                      });
      results.add(new SensitivityOutputs.Output(spec0, r));
      o.printf(
          Locale.ROOT,
          "%s: %d + %d design points x %d replications in %.1f s%n",
          spec0,
          r.morrisEvaluations(),
          r.sobolEvaluations(),
          replications,
          (System.nanoTime() - t0) / 1e9);
      for (var pr : r.parameters()) {
        if (pr.sobol() != null) {
          o.printf(
              Locale.ROOT,
              "  %-36s mu*=%-10.4g S1=%.3f [%.3f, %.3f]  ST=%.3f [%.3f, %.3f]%n",
              pr.name(),
              pr.muStar(),
              pr.sobol().first(),
              pr.sobol().firstLow(),
              pr.sobol().firstHigh(),
              pr.sobol().total(),
              pr.sobol().totalLow(),
              pr.sobol().totalHigh());
        }
      }
    }
    SensitivityOutputs.writeCsv(results, out.resolve("sensitivity.csv"));
    String command =
        "dispersal " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    SensitivityOutputs.writeHtml(s.name(), results, command, out.resolve("sensitivity.html"));
    o.println("Wrote " + out.resolve("sensitivity.csv") + ", sensitivity.html");
  }

  /** The model an output is analysed on: the scenario cut to the output's month. */
  static CompiledModel modelFor(Scenario s, Parsed p) {
    return new CompiledModel(s.withMonths(Math.max(1, p.month)));
  }

  /** The target an output names, resolved on its model. */
  static Target target(CompiledModel model, String spec, Scenario s, Parsed p) {
    try {
      return new TargetResolver(model)
          .resolve(
              spec,
              s.start().plusMonths(p.month),
              p.scope,
              p.id,
              p.demographic,
              p.measure,
              new ObservedRange(0, Double.POSITIVE_INFINITY))
          .target();
    } catch (TargetResolver.UnresolvableException e) {
      throw new UserException("--output " + spec + ": " + e.getMessage());
    }
  }

  private org.dispersal.sensitivity.Sobol.Sampling samplingKind() {
    return switch (sampling) {
      case "sobol" -> org.dispersal.sensitivity.Sobol.Sampling.SOBOL_SEQUENCE;
      case "random" -> org.dispersal.sensitivity.Sobol.Sampling.MONTE_CARLO;
      default -> throw new UserException("--sampling must be sobol or random, not " + sampling);
    };
  }

  record Parsed(ObservedMeasure measure, String scope, String id, int month, String demographic) {}

  static Parsed parse(String spec, Scenario s) {
    String[] parts = spec.split(":");
    if (parts.length < 3) {
      throw new UserException(
          "--output '" + spec + "' must be MEASURE:SCOPE[=ID]:month=M[:demographic=D]");
    }
    ObservedMeasure m = ObservedMeasure.byId(parts[0]);
    if (m == null) {
      throw new UserException(
          "--output '" + spec + "': measure must be one of " + ObservedMeasure.names());
    }
    String scope = parts[1];
    String id = "";
    int eq = scope.indexOf('=');
    if (eq >= 0) {
      id = scope.substring(eq + 1);
      scope = scope.substring(0, eq);
    }
    if (!List.of("world", "region", "country", "countries").contains(scope)) {
      throw new UserException(
          "--output '" + spec + "': scope must be world, region=, country= or countries=");
    }
    Integer month = null;
    String demographic = "all";
    for (int i = 2; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length == 2 && kv[0].equals("month")) {
        try {
          month = Integer.parseInt(kv[1]);
        } catch (NumberFormatException e) {
          throw new UserException("--output '" + spec + "': month must be a whole number");
        }
      } else if (kv.length == 2 && kv[0].equals("demographic")) {
        demographic = kv[1];
      } else {
        throw new UserException("--output '" + spec + "': unknown part '" + parts[i] + "'");
      }
    }
    if (month == null || month < 0 || month > s.months()) {
      throw new UserException("--output '" + spec + "': month must be between 0 and " + s.months());
    }
    return new Parsed(m, scope, id, month, demographic);
  }
}
