package org.dispersal.cli;

import org.dispersal.calibration.Posterior;
import org.dispersal.calibration.PosteriorEnsemble;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;
import org.dispersal.ensemble.DistributedRunner;

/**
 * The replications of {@code dispersal forecast --posterior FILE --spark MASTER} on workers: the
 * scenario rebuilt as {@link ScenarioJob} does, and replication i's parameters drawn from the
 * posterior sample by the local run's own rule ({@link PosteriorEnsemble#inputs}), with only each
 * month's stocks counted in the summary, as locally. So the summary is the local run's, byte for
 * byte. A value, so workers build the model once per job.
 *
 * @param scenario how the worker rebuilds the scenario and its engine
 * @param sample the posterior sample
 */
record PosteriorJob(ScenarioJob scenario, PosteriorSample sample)
    implements DistributedRunner.ReplicationJob {

  @Override
  public CompiledModel model() {
    return scenario.model();
  }

  @Override
  public ReplicationEngine engine(CompiledModel model) {
    ReplicationEngine inner = scenario.engine(model);
    Posterior posterior = sample.posterior();
    return new ReplicationEngine() {
      @Override
      public SimulationModel model() {
        return inner.model();
      }

      @Override
      public void simulate(long seed, long replication, MonthObserver observer) {
        inner.simulate(
            PosteriorEnsemble.inputs(model, posterior, seed, replication),
            seed,
            replication,
            (month, stocks) -> observer.observe(month, stocks));
      }

      @Override
      public void simulate(
          SimulationModel.Replication inputs, long seed, long replication, MonthObserver observer) {
        inner.simulate(inputs, seed, replication, observer);
      }
    };
  }
}
