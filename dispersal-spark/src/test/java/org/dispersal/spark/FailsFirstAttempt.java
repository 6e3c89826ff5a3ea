package org.dispersal.spark;

import org.apache.spark.TaskContext;
import org.dispersal.engine.CompiledModel;
import org.dispersal.engine.MonthObserver;
import org.dispersal.engine.ReplicationEngine;
import org.dispersal.engine.SimulationModel;
import org.dispersal.ensemble.DistributedRunner;

/**
 * A job whose every task fails on its first attempt after running one replication, as an executor
 * lost mid-task would: Spark must retry it, and the partial work must leave no trace.
 *
 * @param job the job that runs normally on later attempts
 */
record FailsFirstAttempt(DistributedRunner.ReplicationJob job)
    implements DistributedRunner.ReplicationJob {

  @Override
  public CompiledModel model() {
    return job.model();
  }

  @Override
  public ReplicationEngine engine(CompiledModel model) {
    ReplicationEngine engine = job.engine(model);
    int attempt = TaskContext.get().attemptNumber();
    int[] done = {0};
    return new ReplicationEngine() {
      @Override
      public SimulationModel model() {
        return engine.model();
      }

      @Override
      public void simulate(
          SimulationModel.Replication inputs, long seed, long replication, MonthObserver observer) {
        engine.simulate(inputs, seed, replication, observer);
        if (attempt == 0 && ++done[0] == 1) {
          throw new IllegalStateException("deliberate failure of a first attempt");
        }
      }
    };
  }
}
