package org.dispersal.model;

/**
 * A militant group that fighters can belong to or join.
 *
 * @param id a short identifier such as {@code aq_syria}
 * @param name a display name
 * @param joinable true if fighters leaving the Islamic State can join it (pathway 3)
 */
public record Group(String id, String name, boolean joinable) {

  /** Validates the group. */
  public Group {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("group needs an id");
    }
  }
}
