package org.dispersal.engine;

/**
 * A compiled model an engine can run: cohorts with local compartment layouts, a horizon, and per
 * replication the initial stocks and the monthly transition rows.
 *
 * <p>Both engines ({@link CohortEngine} and the per-agent engine) run any implementation, so a
 * model is stated once and simulated either way. Implementations: the pathway model {@link
 * CompiledModel} (rows from {@link MonthlyKernel}) and a fixed Markov matrix {@link MarkovModel}.
 * Month t's rows give the probability of moving from each local compartment to each reachable one
 * between month t and t + 1; the rest stay. Nobody moves twice in a month.
 */
public interface SimulationModel {

  /** The number of cohorts. */
  int cohortCount();

  /** The number of local compartments of a cohort. */
  int compartmentCount(int cohort);

  /**
   * A stable key for a cohort that names it rather than its position, so that the cohort draws the
   * same random numbers in two scenarios whose cohort lists differ (common random numbers).
   */
  default long cohortKey(int cohort) {
    return cohort;
  }

  /**
   * The cohort that children born to the people of {@code cohort} join, in the same local
   * compartment as the mother, or -1 if the people of {@code cohort} have no children in the model.
   * Births and arrivals ({@link #hasArrivals}) are the two sources of new people: every other
   * transition moves people within a cohort.
   */
  default int birthCohort(int cohort) {
    return -1;
  }

  /**
   * Whether people arrive from outside the model in some month ({@link Replication#arrivalMean}):
   * the second source of new people besides births. An engine draws no arrivals, and no random
   * number for them, when this is false, so a model without arrivals runs exactly as before
   * arrivals existed.
   */
  default boolean hasArrivals() {
    return false;
  }

  /**
   * The row class of a cohort, a number from 0 to {@link #cohortCount()} − 1: cohorts of one class
   * get the same rows from {@link Replication#fill} for every month of every replication (the
   * stocks aside), so an engine may fill them once for all. By default each cohort is its own
   * class.
   */
  default int rowClass(int cohort) {
    return cohort;
  }

  /** The horizon: the number of monthly steps. */
  int months();

  /**
   * Draws everything uncertain about one replication except its dynamics, from the streams of
   * (seed, replication).
   */
  Replication replication(long seed, long replication);

  /**
   * One replication's inputs: its initial stocks and its monthly rows. Not thread-safe: one
   * replication is run by one engine at a time.
   */
  interface Replication {

    /** Fills stocks[cohort][local] with the stocks at month 0; call once per replication. */
    void initialStocks(int[][] stocks);

    /**
     * Fills the rows of a cohort for month t (the transition from month t to t + 1).
     *
     * @param stocks the cohort's current stocks, to skip empty compartments, or null to fill all
     */
    void fill(int cohort, int month, TransitionRows rows, int[] stocks);

    /**
     * Whether every cohort's rows for month t are those of month t − 1, so an engine that filled
     * all rows (stocks null) for month t − 1 may keep them. Rows change only when a driver does.
     */
    boolean sameRows(int month);

    /**
     * Whether the row of local compartment {@code local} for month t is, in every cohort, the one
     * for month t − 1, and {@link #fill} with stocks leaves the rows of the compartments it skips
     * as they were: then an engine may keep that row from month t − 1 and fill only the others.
     * False by default (every row the engine reads is filled again).
     */
    default boolean sameRow(int month, int local) {
      return false;
    }

    /**
     * The probability that one person in local compartment {@code local} of {@code cohort} gives
     * birth to a child (who joins {@link SimulationModel#birthCohort} in the same local
     * compartment) between month t and t + 1, counted on the stocks at the start of the month; 0
     * where the model has no births.
     */
    default double birthProbability(int cohort, int month, int local) {
      return 0;
    }

    /**
     * The expected number of people who arrive from outside the model into local compartment {@code
     * local} of {@code cohort} between month t and t + 1: the number is Poisson with this mean,
     * independent of everything else, and the arrivals join the compartment at the end of the month
     * (they make no other move that month); 0 where nobody arrives.
     */
    default double arrivalMean(int cohort, int month, int local) {
      return 0;
    }
  }
}
