package org.dispersal.engine;

/**
 * An engine that simulates replications of a {@link SimulationModel} and reports each month's
 * stocks[cohort][local] to a {@link MonthObserver}. Get one from {@code
 * org.dispersal.agent.EngineKind}, the one factory, so the scenario's agent-only features decide
 * which engine runs.
 *
 * <p>Contract (tested by one suite for every engine): people are conserved within each cohort,
 * stocks are never negative, the same (seed, replication) gives the same stocks, and every engine
 * agrees in distribution with an independent reference. One instance serves one thread.
 */
public interface ReplicationEngine {

  /** The model this engine runs. */
  SimulationModel model();

  /**
   * Runs replication {@code replication} of the ensemble with master seed {@code seed}: its inputs
   * from {@link SimulationModel#replication(long, long)}, its dynamics from the DYNAMICS stream.
   */
  default void simulate(long seed, long replication, MonthObserver observer) {
    simulate(model().replication(seed, replication), seed, replication, observer);
  }

  /**
   * Runs given inputs (for example a replication with calibrated parameter values, see {@link
   * CompiledModel#replication(long, long, double[])}) with the dynamics of replication {@code
   * replication} of master seed {@code seed}.
   */
  void simulate(
      SimulationModel.Replication inputs, long seed, long replication, MonthObserver observer);
}
