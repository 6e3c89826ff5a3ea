package org.dispersal.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.Cancellation;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.artifacts.FolderSink;
import org.dispersal.app.sensitivity.OutputSpec;
import org.dispersal.app.sensitivity.SensitivityRequest;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.model.Scenario;
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

  @Mixin QuietOption quiet;

  @Mixin ScenarioOption scenario;

  @Option(
      names = "--output",
      paramLabel = "MEASURE:SCOPE[=ID]:month=M[:demographic=D]",
      required = true,
      arity = "1..*",
      description =
          "An output, for example \"returned:region=Western Europe:month=24\". Measures: "
              + "travelled, returned, killed, in_theatre, detained, relocated, prosecuted, attacks,"
              + " or any state: transit, disengaged, insurgent, other_group, dispatched, arrested,"
              + " attack (state.NAME for a state whose name is also a measure, e.g."
              + " state.returned); scopes: world, region=ID, country=ISO3, countries=A+B.")
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

  @Mixin OutFolderOption outFolder;

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
    List<OutputSpec> specs = new ArrayList<>();
    for (String output : outputs) {
      specs.add(OutputSpec.parse(output, s));
    }
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
    String command =
        "dispersal " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    // With --spark, the workers rebuild the scenario from this job (checked before Spark starts).
    ScenarioJob job =
        spark.enabled()
            ? ScenarioJob.of(scenario.scenario, loaded, seedAndSet.sets, 0, EngineKind.COHORT)
            : null;
    RunResult<SensitivityRequest.Outcome> run;
    try (DistributedRunner.Session cluster = spark.enabled() ? spark.open() : null;
        Progress bar =
            Progress.working(
                spec.commandLine().getErr(), "sensitivity analysis", quiet.progress())) {
      run =
          new SensitivityRequest(
                  new ScenarioInput(s, loaded.text()),
                  specs,
                  settings,
                  command,
                  cluster == null
                      ? null
                      : output ->
                          names ->
                              points ->
                                  cluster
                                      .map(
                                          new SensitivityJob(
                                              job,
                                              output.spec(),
                                              names,
                                              replications,
                                              seedAndSet.seed),
                                          Arrays.asList(points),
                                          cluster.defaultTasks())
                                      .stream()
                                      .mapToDouble(Double::doubleValue)
                                      .toArray())
              .execute(Versions.provenance(), bar, Cancellation.NEVER);
    }
    run.keep(new FolderSink(outFolder.out));
    print(run.value());
    return 0;
  }

  /** Each output's design size, time and the Sobol' indices of the parameters that reached them. */
  private void print(SensitivityRequest.Outcome outcome) {
    var o = spec.commandLine().getOut();
    for (int i = 0; i < outcome.outputs().size(); i++) {
      var output = outcome.outputs().get(i);
      var r = output.result();
      o.printf(
          Locale.ROOT,
          "%s: %d + %d design points x %d replications in %.1f s%n",
          output.spec(),
          r.morrisEvaluations(),
          r.sobolEvaluations(),
          replications,
          outcome.seconds().get(i));
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
    o.println("Wrote " + outFolder.out.resolve("sensitivity.csv") + ", sensitivity.html");
  }

  private org.dispersal.sensitivity.Sobol.Sampling samplingKind() {
    return switch (sampling) {
      case "sobol" -> org.dispersal.sensitivity.Sobol.Sampling.SOBOL_SEQUENCE;
      case "random" -> org.dispersal.sensitivity.Sobol.Sampling.MONTE_CARLO;
      default -> throw new UserException("--sampling must be sobol or random, not " + sampling);
    };
  }
}
