package org.dispersal.app.hindcast;

import java.time.Instant;
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
import org.dispersal.input.data.SharedData;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.output.validation.HindcastCsv;
import org.dispersal.output.validation.HindcastReport;
import org.dispersal.output.validation.PosteriorCsv;
import org.dispersal.output.validation.ScorecardJson;
import org.dispersal.store.RunKind;

/**
 * A hindcast: the information set frozen at a date, calibration on the figures published by then, a
 * forecast, and every later figure scored against it and two baselines ({@link Hindcast}); writes
 * hindcast.csv, scorecard.json, posterior.csv (when it calibrated) and hindcast.html.
 *
 * @param scenario the scenario as known at the as-of date (initial stocks as of then)
 * @param observations the published figures, at least one
 * @param settings the as-of date, replications, seed, threads and calibration budget
 * @param command how the run was asked for, shown in the report
 */
public record HindcastRequest(
    ScenarioInput scenario,
    List<ObservationRecord> observations,
    Hindcast.Settings settings,
    String command)
    implements RunRequest<Hindcast.Result> {

  /** Checks the budget and copies the figures. */
  public HindcastRequest {
    if (scenario == null || settings == null || settings.asOf() == null) {
      throw InputException.field("asOf", "a hindcast needs a scenario and an as-of date");
    }
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
    Hindcast.Result result =
        Hindcast.run(
            scenario.scenario(),
            SharedData.shipped(),
            observations,
            settings,
            RunRequest.checked(progress, cancellation));
    cancellation.check();
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .put("command", command)
            .put("asOf", settings.asOf().toString())
            .put("runs", settings.runs())
            .put("seed", settings.seed())
            .put("particles", settings.particles())
            .put("simulations", settings.simulations())
            .put("observations", observations.size())
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
}
