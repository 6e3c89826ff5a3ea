package org.dispersal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dispersal.agent.EngineKind;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.calibration.CalibrationRequest;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dispersal calibrate}: fits the free parameters to observed figures by ABC-SMC. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fit the scenario's free parameters to observed figures by ABC-SMC, treating ranges as"
          + " ranges.",
      "Writes posterior.csv (usable by forecast --posterior) and calibration.html."
    })
final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin QuietOption quiet;

  @Mixin ScenarioOption scenario;

  @Option(
      names = "--observations",
      paramLabel = "FILE",
      arity = "1..*",
      required = true,
      description = "Observation files.")
  List<Path> observations = new ArrayList<>();

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Use only figures published by this date, and build initial stocks as of it"
              + " (default: every figure in the files; the scenario's own start).")
  String asOf;

  @Option(
      names = "--simulations",
      paramLabel = "N",
      defaultValue = "20000",
      description = "Simulation budget (default: ${DEFAULT-VALUE}).")
  int simulations;

  @Option(
      names = "--particles",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Population size (default: ${DEFAULT-VALUE}).")
  int particles;

  @Option(
      names = "--check-runs",
      paramLabel = "N",
      defaultValue = "400",
      description =
          "Replications of the prior and posterior predictive checks in the report"
              + " (default: ${DEFAULT-VALUE}).")
  int checkRuns;

  @Option(
      names = "--no-definitions",
      description =
          "Compare every figure with the model's count of its measure, ignoring what its source"
              + " counts (residual in theatre, confirmed deaths, sums over reporting countries),"
              + " as hindcast --no-definitions does.")
  boolean noDefinitions;

  @Mixin SeedAndSetOptions seedAndSet;

  @Mixin ThreadsOption threads;

  @Mixin SparkOption spark;

  @Mixin StoreOption store;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/calibration",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws IOException {
    LocalDate date = asOf == null ? null : date(asOf);
    int workers = threads.workers();
    checkBudget(Math.max(1, checkRuns), simulations, particles);
    List<ObservationRecord> rows = new ArrayList<>();
    List<CalibrationJob.ObservationFile> files = new ArrayList<>();
    for (Path p : observations) {
      rows.addAll(ObservationsReader.read(p));
      if (spark.enabled()) {
        files.add(
            new CalibrationJob.ObservationFile(p.getFileName().toString(), Files.readString(p)));
      }
    }
    Scenario s = scenario(scenario.scenario, null, seedAndSet.sets, date);
    String command =
        "dispersal " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    // With --spark, the workers rebuild the scenario from this job (checked before Spark starts).
    ScenarioJob job =
        spark.enabled()
            ? ScenarioJob.of(
                scenario.scenario,
                ScenarioSource.load(scenario.scenario, seedAndSet.sets),
                seedAndSet.sets,
                0,
                EngineKind.COHORT)
            : null;
    var err = spec.commandLine().getErr();
    try (DistributedRunner.Session cluster = spark.enabled() ? spark.open() : null) {
      CalibrationRequest request =
          new CalibrationRequest(
              new ScenarioInput(s, ScenarioSource.text(scenario.scenario)),
              rows,
              date,
              particles,
              simulations,
              checkRuns,
              seedAndSet.seed,
              workers,
              command,
              cluster == null
                  ? null
                  : calibrated -> {
                    CalibrationJob stage =
                        new CalibrationJob(
                            job, asOf, files, seedAndSet.seed, calibrated, !noDefinitions);
                    return (theta, ids) -> {
                      List<CalibrationJob.Attempt> attempts = new ArrayList<>(theta.length);
                      for (int a = 0; a < theta.length; a++) {
                        attempts.add(new CalibrationJob.Attempt(theta[a], ids[a]));
                      }
                      return cluster
                          .map(stage, attempts, cluster.defaultTasks())
                          .toArray(new double[0][]);
                    };
                  },
              !noDefinitions);
      store.run(
          request,
          null,
          out,
          "dispersal calibrate",
          spec,
          () -> Progress.working(err, "calibration", quiet.progress()),
          run -> print(s, workers, run.value()));
    }
    return 0;
  }

  private void print(Scenario s, int workers, CalibrationRequest.Outcome outcome) {
    ModelCalibration.Result cal = outcome.calibration();
    ObservationTargets targets = outcome.targets();
    List<ObservationRecord> later = outcome.later();
    double seconds = outcome.seconds();
    var o = spec.commandLine().getOut();
    var gens = cal.abc().generations();
    o.printf(
        Locale.ROOT,
        "Calibrated %s on %d figures (%d not usable, %d published after --as-of):"
            + " %d of %d free parameters calibrated, %d simulations in %.1f s (%.0f per second,"
            + " %d threads)%n",
        s.name(),
        targets.resolved().size(),
        targets.unresolved().size(),
        later.size(),
        cal.names().size(),
        cal.free().size(),
        cal.abc().simulations(),
        seconds,
        cal.abc().simulations() / seconds,
        workers);
    o.printf(
        Locale.ROOT,
        "%d generations; final tolerance %.4g, effective sample size %.0f%n",
        gens.size(),
        gens.get(gens.size() - 1).epsilon(),
        gens.get(gens.size() - 1).ess());
    o.println("Wrote " + out.resolve("posterior.csv") + ", calibration.html");
  }

  /**
   * The scenario as calibration reads it: built-in or file ({@code text} null) or text sent to a
   * worker, with the overrides, and initial stocks as of {@code date} when given.
   */
  static Scenario scenario(String nameOrPath, String text, List<String> sets, LocalDate date) {
    var reader = ScenarioSource.reader(sets).withAsOf(date);
    return text == null ? reader.read(nameOrPath) : reader.parse(text, nameOrPath);
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UserException("--as-of must be a date YYYY-MM-DD, not '" + text + "'");
    }
  }

  static void checkBudget(int runs, int simulations, int particles) {
    if (runs < 1 || runs > 10_000_000) {
      throw new UserException("--runs must be between 1 and 10000000, not " + runs);
    }
    if (particles < 2 || particles > 1_000_000) {
      throw new UserException("--particles must be between 2 and 1000000, not " + particles);
    }
    if (simulations < particles) {
      throw new UserException(
          "--simulations (" + simulations + ") must be at least --particles (" + particles + ")");
    }
  }
}
