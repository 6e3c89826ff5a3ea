package org.dispersal.engine;

/**
 * An engine that simulates replications of a {@link SimulationModel} and reports each month's
 * stocks[cohort][local] to a {@link MonthObserver}.
 *
 * <p>Contract (tested by one suite for every engine): people are conserved within each cohort,
 * stocks are never negative, and the same (seed, replication) gives the same stocks. One instance
 * serves one thread.
 */
public interface ReplicationEngine {

  /** Runs replication {@code replication} of the ensemble with master seed {@code seed}. */
  void simulate(long seed, long replication, MonthObserver observer);
}
