package org.dispersal.model;

/**
 * What a country of origin does about its citizens held in the region (in camps of a non-state
 * custodian or detained by a state): the levels of the repatriation driver.
 */
public enum RepatriationPolicy implements NamedId {
  /** No repatriation: citizens stay in custody in the region. */
  NONE,
  /** Repatriation of some, decided person by person (mostly orphans and young children). */
  CASE_BY_CASE,
  /** Organised repatriation operations of the state's citizens. */
  ORGANISED;

  /** Finds a policy by its identifier, or returns null. */
  public static RepatriationPolicy byId(String id) {
    return NamedId.byId(RepatriationPolicy.class, id);
  }
}
