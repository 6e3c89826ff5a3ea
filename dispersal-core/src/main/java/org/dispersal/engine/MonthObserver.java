package org.dispersal.engine;

/**
 * Receives the stocks of every cohort at the end of each month of one replication.
 *
 * <p>Month 0 is the state at the start date, before any transition. The arrays belong to the engine
 * and are reused: read them during the call, never keep them.
 */
@FunctionalInterface
public interface MonthObserver {

  /**
   * Called once per month, in month order.
   *
   * @param month months after the start, 0 to the horizon
   * @param stocks stocks[cohort][local compartment]
   */
  void observe(int month, int[][] stocks);
}
