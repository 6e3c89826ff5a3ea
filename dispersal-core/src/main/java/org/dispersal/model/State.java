package org.dispersal.model;

/**
 * The states a foreign fighter can be in, month by month.
 *
 * <p>The five pathways of the model are numbered 1 to 5; states that remove people from every
 * pathway (killed, detained) or that are steps on the way (in theatre, transit, returned) carry
 * pathway 0. A state whose {@link #hasDestinations()} is true is split by a destination: a third
 * theatre, a country, a group, or for disengaged returnees whether they cooperate.
 */
public enum State implements NamedId {
  /** With the group in its core theatre (Iraq and Syria for the Islamic State). */
  IN_THEATRE("In the core theatre with the group", 0, false),
  /** Left the core theatre (crossing a border or on a migration route), not yet arrived. */
  TRANSIT("In transit from the core theatre", 0, false),
  /** Killed in the core theatre. */
  KILLED("Killed", 0, false),
  /** Detained in the region of the core theatre (for the Islamic State: Iraq, Syria, Turkey). */
  DETAINED("Detained in the region", 0, false),
  /**
   * Held in the camps or prisons of a non-state custodian in the core theatre (for the Islamic
   * State: the Syrian Democratic Forces in north-east Syria), apart from {@link #DETAINED}, which
   * is custody by a state.
   */
  IN_CAMP("Held in camps by a non-state custodian", 0, false),
  /** Back in the home country, not yet assessed by the authorities. */
  RETURNED("Returned, not yet assessed", 0, false),
  /** Pathway 1: returned home and done with violence; split by cooperation with authorities. */
  DISENGAGED("Disengaged returnee", 1, true),
  /** Pathway 2: remains in the core theatre as an underground insurgent. */
  INSURGENT("Remaining insurgent in the core theatre", 2, false),
  /** Pathway 3: joined another militant group; split by group. */
  OTHER_GROUP("Joined another group", 3, true),
  /** Pathway 4: relocated to a third theatre; split by theatre. */
  RELOCATED("Relocated to a third theatre", 4, true),
  /** Pathway 5: dispatched operative at large in a destination country. */
  DISPATCHED("Dispatched operative", 5, true),
  /** At home: prosecuted or imprisoned. */
  PROSECUTED("Prosecuted or imprisoned at home", 0, false),
  /** A dispatched operative's plot ended in arrest (or the operative was intercepted). */
  ARRESTED("Operative arrested (plot foiled)", 5, true),
  /** A dispatched operative's plot ended as an attack. */
  ATTACK("Operative's plot ended as an attack", 5, true);

  /**
   * The states of a headline table, in report order: the five pathways (with the outcomes of
   * dispatched operatives), then killed, detained, in camps, in theatre, returned and prosecuted.
   */
  public static final java.util.List<State> HEADLINE =
      java.util.List.of(
          DISENGAGED,
          INSURGENT,
          OTHER_GROUP,
          RELOCATED,
          DISPATCHED,
          ARRESTED,
          ATTACK,
          KILLED,
          DETAINED,
          IN_CAMP,
          IN_THEATRE,
          RETURNED,
          PROSECUTED);

  private final String label;
  private final int pathway;
  private final boolean hasDestinations;

  State(String label, int pathway, boolean hasDestinations) {
    this.label = label;
    this.pathway = pathway;
    this.hasDestinations = hasDestinations;
  }

  /** A label for reports. */
  public String label() {
    return label;
  }

  /** The pathway number 1 to 5, or 0 for states outside the five pathways. */
  public int pathway() {
    return pathway;
  }

  /** Whether the state is split by destination. */
  public boolean hasDestinations() {
    return hasDestinations;
  }

  /** Finds a state by its identifier, or returns null. */
  public static State byId(String id) {
    return NamedId.byId(State.class, id);
  }
}
