package org.dispersal.cli;

import java.util.ArrayList;
import java.util.List;
import org.dispersal.app.sensitivity.OutputSpec;
import org.dispersal.engine.CompiledModel;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.model.Scenario;
import org.dispersal.sensitivity.ModelFunction;

/**
 * The design points of {@code dispersal sensitivity --spark}: a worker rebuilds the scenario, the
 * output's model and target the way the command does, and evaluates its points with {@link
 * ModelFunction} on one thread, so every point gets the value the local run gives it.
 *
 * @param scenario the scenario as the command loaded it
 * @param output the {@code --output} specification
 * @param names the varied parameters
 * @param replications replications per point
 * @param seed master seed of the common random numbers
 */
record SensitivityJob(
    ScenarioJob scenario, String output, List<String> names, int replications, long seed)
    implements DistributedRunner.BatchJob<ModelFunction, double[], Double> {

  SensitivityJob {
    names = List.copyOf(names);
  }

  @Override
  public ModelFunction prepare() {
    Scenario s = scenario.read();
    OutputSpec p = OutputSpec.parse(output, s);
    CompiledModel model = p.model(s);
    return new ModelFunction(model, names, p.target(model, s), replications, seed, 1);
  }

  @Override
  public List<Double> evaluate(ModelFunction f, List<double[]> points) {
    List<Double> y = new ArrayList<>(points.size());
    for (double v : f.apply(points.toArray(new double[0][]))) {
      y.add(v);
    }
    return y;
  }
}
