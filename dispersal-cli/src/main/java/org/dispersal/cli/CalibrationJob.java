package org.dispersal.cli;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dispersal.app.calibration.CalibrationRequest;
import org.dispersal.calibration.AbcSmc;
import org.dispersal.calibration.ModelCalibration;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.input.observations.ObservationsReader;
import org.dispersal.observation.ObservationRecord;
import org.dispersal.observation.ObservationTargets;

/**
 * The simulations of one stage of {@code dispersal calibrate --spark}: a worker rebuilds the
 * scenario, the observed figures and the stage's simulators the way the command does, once per job,
 * and simulates its attempts with them, so every attempt gets the value the local run gives it.
 *
 * @param scenario the scenario as the command named it (its text when it is a file)
 * @param asOf the {@code --as-of} date, or null
 * @param observations the observation files, as text
 * @param seed master seed of the calibration
 * @param calibrated the parameters each attempt's theta holds, in that order
 * @param definitions whether each figure is compared under its definition (false: {@code
 *     --no-definitions}, the count of its measure)
 */
record CalibrationJob(
    ScenarioJob scenario,
    String asOf,
    List<ObservationFile> observations,
    long seed,
    List<String> calibrated,
    boolean definitions)
    implements DistributedRunner.BatchJob<
        Supplier<AbcSmc.Simulator>, CalibrationJob.Attempt, double[]> {

  CalibrationJob {
    observations = List.copyOf(observations);
    calibrated = List.copyOf(calibrated);
  }

  /** An observation file sent to the workers: its name (for messages) and its text. */
  record ObservationFile(String name, String text) implements Serializable {}

  /** One simulation: the calibrated parameters' values and the simulation number. */
  record Attempt(double[] theta, long simulation) implements Serializable {}

  @Override
  public Supplier<AbcSmc.Simulator> prepare() {
    LocalDate date = asOf == null ? null : LocalDate.parse(asOf);
    List<ObservationRecord> rows = new ArrayList<>();
    for (ObservationFile f : observations) {
      rows.addAll(ObservationsReader.parse(f.name(), f.text()));
    }
    CompiledModel model =
        new CompiledModel(
            CalibrateCommand.scenario(scenario.scenario(), scenario.text(), scenario.sets(), date));
    CalibrationRequest.Figures used = CalibrationRequest.Figures.split(rows, date);
    ObservationTargets targets = used.targets(model);
    return ModelCalibration.simulators(
        model,
        targets.targets(),
        seed,
        calibrated,
        CalibrationRequest.reported(rows, date, model, targets, definitions));
  }

  @Override
  public List<double[]> evaluate(Supplier<AbcSmc.Simulator> simulators, List<Attempt> attempts) {
    AbcSmc.Simulator sim = simulators.get();
    List<double[]> x = new ArrayList<>(attempts.size());
    for (Attempt a : attempts) {
      x.add(sim.simulate(a.theta(), a.simulation()));
    }
    return x;
  }
}
