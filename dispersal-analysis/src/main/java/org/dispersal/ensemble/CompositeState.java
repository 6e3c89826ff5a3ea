package org.dispersal.ensemble;

import org.dispersal.calibration.ObservedMeasure;
import org.dispersal.engine.Compartment;
import org.dispersal.model.NamedId;
import org.dispersal.model.Origin;

/**
 * A count that adds up several states, summarised like a state: within each replication first, then
 * over replications, so its mean and quantiles are those of the sum (quantiles of parts cannot be
 * added up by hand). Its id is the {@code state} column of {@code summary.csv}.
 *
 * <p>Issue #16, finding 1: the state {@code returned} is "back home, not yet assessed", while
 * observations, hindcasts and sensitivity count everyone back home ({@link
 * ObservedMeasure#RETURNED}); these rows give the latter, and the part of it that came home after
 * the start.
 */
public enum CompositeState implements NamedId {
  /**
   * Everyone back in the home country, however their case ended: exactly what the observation
   * measure {@code returned} counts ({@link ObservedMeasure#RETURNED}): returned (not yet
   * assessed), prosecuted, disengaged (both kinds), and operatives dispatched home with their
   * outcomes.
   */
  RETURNED_TOTAL("Back home, however their case ended"),
  /**
   * {@link #RETURNED_TOTAL} minus the same count at month 0 of the same replication: the people who
   * came home after the start. Zero at month 0; never negative, since no one leaves home again.
   */
  RETURNED_AFTER_START("Came home after the start"),
  /**
   * Children born in the territory (in the core theatre or in the camps) since the start, wherever
   * they are now: a cohort's people at month t minus its people at month 0 of the same replication.
   * Births are the model's one source of new people and join the minors of their mother's origin,
   * so the count is positive only for minors (issue #15). Zero at month 0; never falls.
   */
  BORN_IN_TERRITORY("Born in the territory since the start");

  private final String label;

  CompositeState(String label) {
    this.label = label;
  }

  /** A label for reports. */
  public String label() {
    return label;
  }

  /** Whether a compartment of a cohort from {@code origin} counts towards the total. */
  static boolean countsHome(Compartment c, Origin origin) {
    return ObservedMeasure.RETURNED.includes(c, origin);
  }
}
