package org.dispersal.model;

/** The demographic groups of a cohort: adult men, adult women and minors. */
public enum Demographic {
  /** Adult men. */
  MEN("men"),
  /** Adult women. */
  WOMEN("women"),
  /** Minors (under 18, including children born in theatre where sources count them). */
  MINORS("minors");

  private final String id;

  Demographic(String id) {
    this.id = id;
  }

  /** The identifier used in files. */
  public String id() {
    return id;
  }
}
