package org.dispersal.store;

import java.util.Locale;

/**
 * What a user may do: viewer reads, analyst also runs and edits scenarios, admin also manages
 * users.
 */
public enum Role {
  VIEWER,
  ANALYST,
  ADMIN;

  /** True when this role includes everything the other role may do. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** The lower-case name used in the database and JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with the given lower- or upper-case name. */
  public static Role of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
