package org.dispersal.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may read a scenario: every signed-in user ({@link #SHARED}, the default, and always the case
 * for built-in scenarios) or only the members of the scenario's team and admins ({@link #TEAM}).
 * The runs of a team scenario belong to its team as well. Stored and shown in lower case ({@link
 * #id()}).
 */
public enum Visibility {
  /** Every signed-in user sees it. */
  SHARED,
  /** Only the members of its team, and admins, see it. */
  TEAM;

  /** The lower-case name used in the database and in JSON: shared or team. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The visibility named exactly {@code shared} or {@code team}; empty for anything else. */
  public static Optional<Visibility> named(String id) {
    for (Visibility v : values()) {
      if (v.id().equals(id)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The visibility with this name; throws {@link StoreException} for an unknown one. */
  public static Visibility of(String id) {
    return named(id)
        .orElseThrow(
            () ->
                new StoreException("unknown scenario visibility '" + id + "': use shared or team"));
  }
}
