package org.dispersal.app.calibration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.dispersal.app.Cancellation;
import org.dispersal.app.ManifestBuilder;
import org.dispersal.app.Provenance;
import org.dispersal.app.RunRequest;
import org.dispersal.app.RunResult;
import org.dispersal.app.ScenarioInput;
import org.dispersal.app.problem.InputException;
import org.dispersal.calibration.AbcSmc;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.calibration.PosteriorEnsemble;
import org.dispersal.engine.CompiledModel;
import org.dispersal.input.data.ReportedFigures;
import org.dispersal.input.data.SharedData;
import org.dispersal.model.Scenario;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;
import org.dispersal.output.validation.CalibrationReport;
import org.dispersal.output.validation.PosteriorCsv;
import org.dispersal.reporting.Definition;
import org.dispersal.reporting.FigureDefinitions;
import org.dispersal.reporting.ReportingModel;
import org.dispersal.store.RunKind;

/**
 * A calibration: the scenario's free parameters fitted by ABC-SMC to the figures published by the
 * as-of date ({@link ModelCalibration}), then the prior and the posterior checked against them with
 * ensembles; writes posterior.csv and calibration.html.
 *
 * @param scenario the scenario as known at the as-of date
 * @param observations the published figures, at least one
 * @param asOf the date by which figures count as published, or null for all of them
 * @param particles the ABC-SMC population, 2 to {@link Budget#MAX_PARTICLES}
 * @param simulations the budget in simulations, at least the particles
 * @param checkRuns replications of the prior and posterior checks
 * @param seed the master seed
 * @param threads worker threads, at least 1
 * @param command how the run was asked for, shown in the report
 * @param cluster simulates the batches of each stage elsewhere, or null for this process
 * @param definitions whether each figure is compared under its definition ({@link
 *     FigureDefinitions}); false compares every figure with the count of its measure, as {@code
 *     hindcast --no-definitions} does ({@code calibrate --no-definitions})
 */
public record CalibrationRequest(
    ScenarioInput scenario,
    List<ObservationRecord> observations,
    LocalDate asOf,
    int particles,
    int simulations,
    int checkRuns,
    long seed,
    int threads,
    String command,
    ModelCalibration.Batches cluster,
    boolean definitions)
    implements RunRequest<CalibrationRequest.Outcome> {

  /** A calibration that compares each figure under its definition (the default). */
  public CalibrationRequest(
      ScenarioInput scenario,
      List<ObservationRecord> observations,
      LocalDate asOf,
      int particles,
      int simulations,
      int checkRuns,
      long seed,
      int threads,
      String command,
      ModelCalibration.Batches cluster) {
    this(
        scenario,
        observations,
        asOf,
        particles,
        simulations,
        checkRuns,
        seed,
        threads,
        command,
        cluster,
        true);
  }

  /**
   * The figures published by the as-of date (all of them without one), and the later.
   *
   * @param used the figures calibrated on
   * @param later the figures published after the as-of date
   */
  public record Figures(List<ObservationRecord> used, List<ObservationRecord> later) {

    /** Splits figures at a date (null: every figure is used). */
    public static Figures split(List<ObservationRecord> rows, LocalDate asOf) {
      SharedData data = SharedData.shipped();
      List<ObservationRecord> used = new ArrayList<>();
      List<ObservationRecord> later = new ArrayList<>();
      for (ObservationRecord r : rows) {
        (asOf == null || r.publishedBy(asOf, data) ? used : later).add(r);
      }
      return new Figures(used, later);
    }

    /** The used figures laid out on a compiled scenario. */
    public ObservationTargets targets(CompiledModel model) {
      return ObservationTargets.resolve(model, used);
    }
  }

  /**
   * What the calibration found.
   *
   * @param calibration the posterior and the ABC-SMC generations
   * @param targets the figures laid out on the scenario, and those that could not be
   * @param later the figures published after the as-of date
   * @param seconds how long the calibration took
   */
  public record Outcome(
      ModelCalibration.Result calibration,
      ObservationTargets targets,
      List<ObservationRecord> later,
      double seconds) {}

  /** Checks the budget and copies the figures. */
  public CalibrationRequest {
    RunRequest.requireScenario(scenario);
    observations = List.copyOf(observations);
    if (observations.isEmpty()) {
      throw InputException.field("observations", "a calibration needs at least one figure");
    }
    Budget.check(Math.max(1, checkRuns), simulations, particles);
    RunRequest.checkThreads(threads);
    command = command == null ? "" : command;
  }

  /**
   * How a calibration's figures were reported, its likelihood: the reporting model estimated from
   * the shared data and the observed figures public by the as-of date (without one, by the last day
   * on which a figure was published, or lacking a publication date, dated), each target's source
   * type, and each figure under its definition ({@link FigureDefinitions}), with the countries that
   * had reported each measure by that date. A cluster's workers rebuild it the same way from the
   * same figures.
   *
   * @param observations every observed figure of the calibration's files
   * @param asOf the as-of date, or null
   * @param model the compiled scenario the targets were resolved on
   * @param targets the figures calibrated on, laid out on the model
   */
  public static ModelCalibration.Reported reported(
      List<ObservationRecord> observations,
      LocalDate asOf,
      CompiledModel model,
      ObservationTargets targets) {
    return reported(observations, asOf, model, targets, true);
  }

  /**
   * The likelihood of {@link #reported(List, LocalDate, CompiledModel, ObservationTargets)}, with
   * the definitions on or off: off, every figure goes through the reporting model as the count of
   * its measure (no definitions are laid out and none drawn), as {@code hindcast --no-definitions}
   * calibrates.
   *
   * @param definitions whether each figure is read under its definition
   */
  public static ModelCalibration.Reported reported(
      List<ObservationRecord> observations,
      LocalDate asOf,
      CompiledModel model,
      ObservationTargets targets,
      boolean definitions) {
    LocalDate date = likelihoodDate(observations, asOf);
    SharedData data = SharedData.shipped();
    ReportingModel reporting = ReportedFigures.model(data, observations, date);
    return new ModelCalibration.Reported(
        reporting,
        targets.resolved().stream()
            .map(r -> ReportedFigures.type(data, r.record().sourceId()))
            .toList(),
        definitions
            ? ModelCalibration.define(
                model,
                targets.resolved().stream().map(ObservationTargets.Resolved::record).toList(),
                targets.targets(),
                FigureDefinitions.reportingCountries(
                    ReportedFigures.publishedBy(data, observations, date)))
            : null);
  }

  /** The date the likelihood is estimated at: the as-of date, or the last publication. */
  private static LocalDate likelihoodDate(List<ObservationRecord> observations, LocalDate asOf) {
    return asOf != null
        ? asOf
        : observations.stream()
            .map(r -> r.publishedLast() != null ? r.publishedLast() : r.lastDay())
            .max(Comparator.naturalOrder())
            .orElseThrow();
  }

  /** The manifest's {@code definitions} value: what the calibration compared each figure as. */
  static String definitionsNote(ModelCalibration.Reported reported) {
    if (reported.definitions() == null) {
      return "off: every figure compared with the count of its measure";
    }
    long defined =
        reported.definitions().stream()
            .filter(
                d ->
                    d.mapping().alternatives().size() > 1
                        || d.mapping().alternatives().get(0).definition() != Definition.COUNT)
            .count();
    return "on: each figure compared under its definition (confirmed death share "
        + FigureDefinitions.CONFIRMED_DEATH_SHARE
        + ", source rules "
        + FigureDefinitions.SOURCE_RULES.size()
        + "); "
        + defined
        + " of "
        + reported.definitions().size()
        + " figures not a plain count";
  }

  @Override
  public RunKind kind() {
    return RunKind.CALIBRATION;
  }

  /** The simulation budget. */
  @Override
  public int replications() {
    return simulations;
  }

  @Override
  public RunResult<Outcome> execute(
      Provenance provenance, IntConsumer progress, Cancellation cancellation) {
    Instant started = Instant.now();
    Scenario s = scenario.scenario();
    CompiledModel model = new CompiledModel(s);
    Figures figures = Figures.split(observations, asOf);
    ObservationTargets targets = figures.targets(model);
    if (targets.resolved().isEmpty()) {
      throw InputException.field(
          "observations",
          "no observation can be laid out on scenario "
              + s.name()
              + (targets.unresolved().isEmpty()
                  ? ""
                  : ": " + targets.unresolved().get(0).reason()));
    }
    cancellation.check();
    AbcSmc.Settings settings = new AbcSmc.Settings(particles, simulations, 0.5, threads, seed);
    long t0 = System.nanoTime();
    ModelCalibration.Reported reported = reported(observations, asOf, model, targets, definitions);
    ModelCalibration.Result cal =
        cluster == null
            ? ModelCalibration.calibrate(model, targets.targets(), settings, reported)
            : ModelCalibration.calibrate(model, targets.targets(), settings, cluster);
    double seconds = (System.nanoTime() - t0) / 1e9;
    cancellation.check();
    int horizon = targets.targets().stream().mapToInt(t -> t.month()).max().orElse(1);
    CompiledModel check = new CompiledModel(s.withMonths(Math.max(1, horizon)));
    ObservationTargets checkTargets = ObservationTargets.resolve(check, figures.used());
    var prior =
        PosteriorEnsemble.run(
            check, null, checkRuns, seed + 1, threads, checkTargets.targets(), false, i -> {});
    var post =
        PosteriorEnsemble.run(
            check,
            cal.posterior(),
            checkRuns,
            seed + 1,
            threads,
            checkTargets.targets(),
            false,
            i -> {});
    Instant finished = Instant.now();
    String manifest =
        ManifestBuilder.of(kind(), scenario)
            .put("command", command)
            .put("asOf", asOf == null ? "" : asOf.toString())
            .put("particles", particles)
            .put("simulations", cal.abc().simulations())
            .put("checkRuns", checkRuns)
            .put("seed", seed)
            .put("observations", observations.size())
            .put(
                "likelihood",
                "published figures: each simulated figure through the reporting model of its"
                    + " source's type, estimated from the figures public by "
                    + reported.model().asOf())
            .put("definitions", definitionsNote(reported))
            .build(provenance, started, finished);
    return new RunResult<>(
        kind(),
        scenario,
        cal.abc().simulations(),
        seed,
        null,
        new Outcome(cal, targets, figures.later(), seconds),
        manifest,
        null,
        dir -> {
          PosteriorCsv.write(cal.posterior(), dir.resolve("posterior.csv"));
          CalibrationReport.write(
              s,
              cal,
              checkTargets,
              prior,
              post,
              figures.later(),
              seconds,
              command,
              dir.resolve("calibration.html"));
        },
        started,
        finished);
  }
}
