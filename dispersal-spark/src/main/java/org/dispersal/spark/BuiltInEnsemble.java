package org.dispersal.spark;

import org.dispersal.agent.EngineKind;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.ensemble.DistributedRunner;
import org.dispersal.input.data.OriginBuilder;
import org.dispersal.input.data.SharedData;
import org.dispersal.input.scenario.ScenarioReader;

/**
 * An ensemble of a built-in scenario with the shipped data, cut to a horizon, run by the engine the
 * scenario asks for ({@link EngineKind#AUTO}): the job of the benchmark and the tests, which need
 * no scenario file on the workers.
 *
 * @param name a built-in scenario, such as {@code isis-2017}
 * @param months the horizon in months
 */
public record BuiltInEnsemble(String name, int months) implements DistributedRunner.ReplicationJob {

  @Override
  public CompiledModel model() {
    return new CompiledModel(
        ScenarioReader.withDefaults()
            .withSharedOrigins(
                asOf -> OriginBuilder.withDefaults().build(SharedData.shipped(), asOf))
            .read(name)
            .withMonths(months));
  }

  @Override
  public ReplicationEngine engine(CompiledModel model) {
    return EngineKind.AUTO.create(model);
  }
}
