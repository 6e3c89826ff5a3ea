package org.dispersal.calibration;

import org.dispersal.engine.Compartment;
import org.dispersal.model.Origin;
import org.dispersal.model.State;

/**
 * What an observed figure counts, and which of the model's compartments make it up.
 *
 * <p>Every measure is a stock at the end of a month, summed over the cohorts of the observation's
 * scope. No one travels after the start, but children are born in the theatre and in the camps:
 * {@code travelled} (the sum over all compartments) counts them from their birth. Detained people
 * can be repatriated since issue #15, so the model's {@code detained} can fall; the flag below
 * still describes how published counts behave (the hindcast's trend baseline reads it).
 */
public enum ObservedMeasure {
  /**
   * Everyone who travelled: the sum over all compartments (constant over time but for the children
   * born in the territory after the start).
   */
  TRAVELLED("travelled", true),
  /**
   * Everyone back in the home country, whatever happened after: returned (not yet assessed),
   * prosecuted, disengaged (both kinds), and the operatives dispatched home with their outcomes
   * (dispatched, arrested, attack with the origin as destination). Operatives sent abroad are not
   * home and are not counted.
   */
  RETURNED("returned", true),
  /**
   * Killed in Iraq or Syria (state killed, which includes insurgents and defectors killed later).
   */
  KILLED("killed", true),
  /**
   * Still in Iraq or Syria and at large: in theatre, insurgents, and members of other groups. Other
   * al-Qaeda franchises are counted too, although some of them sit outside Syria.
   */
  IN_THEATRE("in_theatre", false),
  /** Detained in the region (Iraq, Syria, Turkey). */
  DETAINED("detained", true),
  /** Relocated to any third theatre. */
  RELOCATED("relocated", true),
  /** Prosecuted or imprisoned at home (returnees only; arrested operatives are not counted). */
  PROSECUTED("prosecuted", true),
  /** Operatives whose plot ended as an attack, counted by the operative's origin. */
  ATTACKS("attacks", true),
  /**
   * Held in the camps or prisons of a non-state custodian in the core theatre (state {@code
   * in_camp}); apart from {@link #DETAINED}, custody by a state. Falls as people are repatriated,
   * tried, die or escape.
   */
  IN_CAMP("in_camp", false);

  private final String id;
  private final boolean cumulative;

  ObservedMeasure(String id, boolean cumulative) {
    this.id = id;
    this.cumulative = cumulative;
  }

  /** The name used in observation files. */
  public String id() {
    return id;
  }

  /** Whether the count can only grow over time. */
  public boolean cumulative() {
    return cumulative;
  }

  /** Whether a compartment of a cohort from this origin counts towards the measure. */
  public boolean includes(Compartment c, Origin origin) {
    State s = c.state();
    boolean home = c.destination().equals(origin.id());
    return switch (this) {
      case TRAVELLED -> true;
      case RETURNED ->
          s == State.RETURNED
              || s == State.PROSECUTED
              || s == State.DISENGAGED
              || (home && (s == State.DISPATCHED || s == State.ARRESTED || s == State.ATTACK));
      case KILLED -> s == State.KILLED;
      case IN_THEATRE -> s == State.IN_THEATRE || s == State.INSURGENT || s == State.OTHER_GROUP;
      case DETAINED -> s == State.DETAINED;
      case RELOCATED -> s == State.RELOCATED;
      case PROSECUTED -> s == State.PROSECUTED;
      case ATTACKS -> s == State.ATTACK;
      case IN_CAMP -> s == State.IN_CAMP;
    };
  }

  /** The measure with a given name, or null. */
  public static ObservedMeasure byId(String id) {
    for (ObservedMeasure m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** The names, for error messages. */
  public static String names() {
    StringBuilder b = new StringBuilder();
    for (ObservedMeasure m : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(m.id);
    }
    return b.toString();
  }
}
