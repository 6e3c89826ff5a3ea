package org.dispersal.engine;

import org.dispersal.model.Demographic;
import org.dispersal.model.Origin;

/**
 * One cohort: the people of one origin and one demographic group, who follow the same monthly
 * probabilities.
 *
 * <p>Immutable: the layout is copied on construction and {@link #compartments()} returns a copy;
 * per-month readers (the summaries, the kernel) use {@link #size()} and {@link #compartment(int)},
 * which copy nothing.
 *
 * @param index the cohort's position in the model (its order decides which random numbers it uses)
 * @param origin where the cohort comes from
 * @param demographic men, women or minors
 * @param regionIndex the index of the origin's region in the scenario
 * @param compartments the global index of each of the cohort's local compartments
 */
public record Cohort(
    int index, Origin origin, Demographic demographic, int regionIndex, int[] compartments) {

  /** Copies the layout. */
  public Cohort {
    compartments = compartments.clone();
  }

  /** The global index of each local compartment (a copy). */
  @Override
  public int[] compartments() {
    return compartments.clone();
  }

  /** The number of local compartments. */
  public int size() {
    return compartments.length;
  }

  /** The global index of local compartment {@code local}. */
  public int compartment(int local) {
    return compartments[local];
  }
}
