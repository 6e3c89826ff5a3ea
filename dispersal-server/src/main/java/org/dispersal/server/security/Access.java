package org.dispersal.server.security;

import io.javalin.security.RouteRole;
import org.dispersal.store.Role;

/**
 * Who may call a route: anyone ({@link #PUBLIC}), or a logged-in user with at least the named role.
 * Every {@code /api} route names one; a route without one is refused.
 */
public enum Access implements RouteRole {
  /** No login needed. */
  PUBLIC(null),
  /** Any logged-in user. */
  VIEWER(Role.VIEWER),
  /** Analysts and admins. */
  ANALYST(Role.ANALYST),
  /** Admins only. */
  ADMIN(Role.ADMIN);

  private final Role least;

  Access(Role least) {
    this.least = least;
  }

  /** The least role allowed, or null for public routes. */
  public Role least() {
    return least;
  }
}
