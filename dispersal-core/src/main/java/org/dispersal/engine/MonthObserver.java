package org.dispersal.engine;

/**
 * Receives the stocks of every cohort at the end of each month of one replication.
 *
 * <p>Month 0 is the state at the start date, before any transition. The arrays belong to the engine
 * and are reused: read them during the call, never keep them. An engine calls either {@link
 * #observe(int, int[][])} or {@link #observeOccupied} each month, never both.
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

  /**
   * Called instead of {@link #observe(int, int[][])} by engines that know which stocks are not zero
   * (the cohort engine): the same call, with a bit set of the non-zero stocks, so that an observer
   * can skip the zeros without reading them. The default ignores the bit set and calls {@link
   * #observe(int, int[][])}.
   *
   * @param month months after the start, 0 to the horizon
   * @param stocks stocks[cohort][local compartment]
   * @param occupied occupied[cohort]: bit {@code j % 64} of word {@code j / 64} (the layout of
   *     {@link java.util.BitSet#valueOf(long[])}) is set exactly where stocks[cohort][j] is not
   *     zero; the engine's array, reused: read it during the call, never keep it
   */
  default void observeOccupied(int month, int[][] stocks, long[][] occupied) {
    observe(month, stocks);
  }

  /**
   * Called before {@link #observe} for every month from 1 on, in models with births (see {@link
   * SimulationModel#birthCohort}), with the children born during the month: born[cohort][local],
   * already counted in the stocks {@link #observe} then receives. The default ignores them.
   *
   * @param month months after the start, 1 to the horizon
   * @param born the engine's array, reused: read it during the call, never keep it
   */
  default void births(int month, int[][] born) {}

  /**
   * Called before {@link #observe} for every month from 1 on, in models with arrivals (see {@link
   * SimulationModel#hasArrivals}), with the people who arrived from outside during the month:
   * arrived[cohort][local], already counted in the stocks {@link #observe} then receives. The
   * default ignores them.
   *
   * @param month months after the start, 1 to the horizon
   * @param arrived the engine's array, reused: read it during the call, never keep it
   */
  default void arrivals(int month, int[][] arrived) {}
}
