package org.dispersal.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dispersal.engine.CompiledModel;
import org.dispersal.model.ExitPropensity;
import org.dispersal.model.Origin;
import org.dispersal.model.Scenario;
import org.dispersal.random.RandomStreams;
import org.dispersal.testkit.TestScenarios;
import org.junit.jupiter.api.Test;

/**
 * An ensemble with exit propensities other than 1 gives the same summary bytes on one and on three
 * worker threads, and differs from the ensemble without them.
 */
class ExitPropensityEnsembleTest {

  @Test
  void sameBytesForOneAndThreeThreads() {
    Scenario base =
        TestScenarios.random(RandomStreams.stream(2026, 0, RandomStreams.Purpose.PARAMETERS));
    Map<String, Double> m = new LinkedHashMap<>();
    double value = 0.5;
    for (Origin o : base.origins()) {
      m.put(o.id(), value);
      value = value == 0.5 ? 2.5 : 0.5;
    }
    Scenario s =
        base.withExitPropensity(
            new ExitPropensity(ExitPropensity.BASIS_FILE, Double.NaN, Double.NaN, m));
    CompiledModel model = new CompiledModel(s);
    byte[] one = EnsembleRunner.run(model, 30, 11, 1, i -> {}).toBytes();
    byte[] three = EnsembleRunner.run(model, 30, 11, 3, i -> {}).toBytes();
    assertThat(three).isEqualTo(one);
    byte[] without = EnsembleRunner.run(new CompiledModel(base), 30, 11, 1, i -> {}).toBytes();
    assertThat(one).isNotEqualTo(without);
  }
}
