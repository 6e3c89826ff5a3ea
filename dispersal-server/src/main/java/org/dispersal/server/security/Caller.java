package org.dispersal.server.security;

import org.dispersal.store.Role;

/**
 * The user making a request, as proved by a session cookie or an API token.
 *
 * @param username the user
 * @param role the user's role
 * @param team the user's team, or null for none (decides which team scenarios and runs they see)
 * @param session the browser session, or null when the request carried an API token
 */
public record Caller(String username, Role role, String team, Session session) {

  /** True when the request came with an API token rather than a session cookie. */
  public boolean byToken() {
    return session == null;
  }
}
