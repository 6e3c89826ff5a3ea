package org.dispersal.engine;

import org.dispersal.model.State;

/**
 * A state, possibly split by destination: the unit in which the engines count people.
 *
 * @param state the state
 * @param destination the theatre, country, group or sub-category; empty when the state has none
 */
public record Compartment(State state, String destination) {

  /** Validates the destination. */
  public Compartment {
    if (state == null || destination == null) {
      throw new IllegalArgumentException("compartment needs a state and a destination");
    }
  }
}
