package org.dispersal.app.calibration;

import org.dispersal.app.problem.InputException;

/** The limits of a calibration's and a hindcast's budget, the same for both. */
public final class Budget {

  /** The most replications of a check or forecast. */
  public static final int MAX_RUNS = 10_000_000;

  /** The most particles of an ABC-SMC population. */
  public static final int MAX_PARTICLES = 1_000_000;

  private Budget() {}

  /**
   * Checks replications, particles and simulations.
   *
   * @throws InputException naming the field out of range
   */
  public static void check(int runs, int simulations, int particles) {
    if (runs < 1 || runs > MAX_RUNS) {
      throw InputException.field("runs", "must be between 1 and " + MAX_RUNS + ", not " + runs);
    }
    if (particles < 2 || particles > MAX_PARTICLES) {
      throw InputException.field(
          "particles", "must be between 2 and " + MAX_PARTICLES + ", not " + particles);
    }
    if (simulations < particles) {
      throw InputException.field(
          "simulations", "must be at least the particles (" + particles + "), not " + simulations);
    }
  }
}
