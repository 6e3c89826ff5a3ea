package org.dispersal.cli;

import java.util.List;
import org.dispersal.agent.AgentFeatures;
import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.input.scenario.ScenarioReader;
import org.dispersal.model.Scenario;

/**
 * How a Spark worker rebuilds the scenario a command loaded: the built-in name, or a file's text
 * (workers need not see the user's files), with the same {@code --set} overrides and horizon. It is
 * a value, so workers build the model once per job.
 *
 * @param scenario the built-in name or the file name given
 * @param text the file's text, or null for a built-in
 * @param sets the {@code --set} overrides, in order
 * @param months the horizon, or 0 for the scenario's own
 * @param engine the resolved engine
 */
record ScenarioJob(String scenario, String text, List<String> sets, int months, EngineKind engine)
    implements DistributedRunner.ReplicationJob {

  ScenarioJob {
    sets = List.copyOf(sets);
  }

  /** The job for a scenario loaded by {@link ScenarioSource#load}. */
  static ScenarioJob of(
      String nameOrPath,
      ScenarioSource.Loaded loaded,
      List<String> sets,
      int months,
      EngineKind k) {
    boolean builtIn = ScenarioReader.builtInNames().contains(nameOrPath);
    ScenarioJob job = new ScenarioJob(nameOrPath, builtIn ? null : loaded.text(), sets, months, k);
    if (!builtIn) {
      try {
        job.read();
      } catch (RuntimeException e) {
        throw new UserException(
            "--spark sends "
                + nameOrPath
                + " to the workers as text, where it may extend only a built-in scenario: "
                + e.getMessage());
      }
    }
    return job;
  }

  /** The scenario, read the way the command read it. */
  Scenario read() {
    ScenarioReader reader = ScenarioSource.reader(sets);
    Scenario s = text == null ? reader.read(scenario) : reader.parse(text, scenario);
    return months > 0 ? s.withMonths(months) : s;
  }

  @Override
  public CompiledModel model() {
    return new CompiledModel(read());
  }

  @Override
  public ReplicationEngine engine(CompiledModel model) {
    return engine.create(model, AgentFeatures.of(model.scenario()));
  }
}
