package org.dispersal.app.sensitivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.problem.InputException;
import org.dispersal.calibration.Target;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.Scenario;
import org.dispersal.output.validation.SensitivityOutputs;
import org.dispersal.sensitivity.SensitivityAnalysis;
import org.dispersal.store.RunKind;

/**
 * A global sensitivity analysis: Morris screening of every free parameter, then Sobol' indices of
 * the most influential, for each output, with common random numbers ({@link SensitivityAnalysis});
 * writes sensitivity.csv and sensitivity.html.
 *
 * @param scenario the scenario as run
 * @param outputs the outputs explained, at least one, each checked against the scenario
 * @param settings trajectories, levels, top, base samples, replications per point, bootstrap, seed,
 *     threads and sampling
 * @param command how the run was asked for, shown in the report
 * @param cluster evaluates design points elsewhere, or null for this process
 */
public record SensitivityRequest(
    ScenarioInput scenario,
    List<OutputSpec> outputs,
    SensitivityAnalysis.Settings settings,
    String command,
    Cluster cluster)
    implements RunRequest<SensitivityRequest.Outcome> {

  /**
   * Where the design points of one output are evaluated when not in this process; every
   * implementation gives the value {@link SensitivityAnalysis#run(CompiledModel, Target,
   * SensitivityAnalysis.Settings)} gives.
   */
  @FunctionalInterface
  public interface Cluster {
    /** The design of one output. */
    SensitivityAnalysis.Design design(OutputSpec output);
  }

  /**
   * What the analysis found.
   *
   * @param outputs each output's indices, in the order asked
   * @param seconds the time each output took
   */
  public record Outcome(List<SensitivityOutputs.Output> outputs, List<Double> seconds) {}

  /** Checks the design's settings. */
  public SensitivityRequest {
    if (scenario == null || settings == null) {
      throw InputException.field("scenario", "is required");
    }
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw InputException.field("outputs", "name at least one output");
    }
    if (settings.trajectories() < 2
        || settings.levels() < 2
        || settings.levels() % 2 != 0
        || settings.top() < 0
        || settings.baseSamples() < 0
        || settings.replications() < 1
        || settings.bootstrap() < 0
        || settings.threads() < 1) {
      throw InputException.field(
          "settings",
          "need trajectories >= 2, an even levels >= 2, top >= 0, baseSamples >= 0,"
              + " replications >= 1, bootstrap >= 0 and threads >= 1");
    }
    command = command == null ? "" : command;
  }

  @Override
  public RunKind kind() {
    return RunKind.SENSITIVITY;
  }

  /** Replications per design point. */
  @Override
  public int replications() {
    return settings.replications();
  }

  @Override
  public long seed() {
    return settings.seed();
  }

  @Override
  public RunResult<Outcome> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    Scenario s = scenario.scenario();
    List<SensitivityOutputs.Output> results = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (OutputSpec output : outputs) {
      cancellation.check();
      long t0 = System.nanoTime();
      CompiledModel model = output.model(s);
      Target target = output.target(model, s);
      SensitivityAnalysis.Result r =
          cluster == null
              ? SensitivityAnalysis.run(model, target, settings)
              : SensitivityAnalysis.run(model, target, settings, cluster.design(output));
      results.add(new SensitivityOutputs.Output(output.spec(), r));
      seconds.add((System.nanoTime() - t0) / 1e9);
    }
    cancellation.check();
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .put("command", command)
            .put("outputs", outputs.stream().map(OutputSpec::spec).toList())
            .put("trajectories", settings.trajectories())
            .put("levels", settings.levels())
            .put("top", settings.top())
            .put("baseSamples", settings.baseSamples())
            .put("runs", settings.replications())
            .put("bootstrap", settings.bootstrap())
            .put("sampling", settings.sampling().name().toLowerCase(java.util.Locale.ROOT))
            .put("seed", settings.seed())
            .build(provenance, started, finished);
    return new RunResult<>(
        kind(),
        scenario,
        settings.replications(),
        settings.seed(),
        null,
        new Outcome(results, seconds),
        manifest,
        null,
        dir -> {
          SensitivityOutputs.writeCsv(results, dir.resolve("sensitivity.csv"));
          SensitivityOutputs.writeHtml(s.name(), results, command, dir.resolve("sensitivity.html"));
        },
        started,
        finished);
  }
}
