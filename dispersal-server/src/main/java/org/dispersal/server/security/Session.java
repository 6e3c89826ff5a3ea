package org.dispersal.server.security;

import java.time.Instant;
import org.dispersal.store.Role;

/**
 * A logged-in browser: who, with which role, the CSRF token its unsafe requests must echo, and when
 * it was created and last used.
 *
 * @param id the cookie value: 256 random bits, held in memory only (the store keeps its SHA-256)
 * @param username the user
 * @param role the user's current role (kept in step by {@link Sessions})
 * @param team the user's team, or null for none
 * @param csrfToken the value the {@code X-CSRF-Token} header must carry on unsafe methods
 * @param created when the user logged in
 * @param lastSeen the last request with this session
 */
public record Session(
    String id,
    String username,
    Role role,
    String team,
    String csrfToken,
    Instant created,
    Instant lastSeen) {

  /** This session with the account's role and team as they are now. */
  Session withAccount(Role role, String team) {
    return new Session(id, username, role, team, csrfToken, created, lastSeen);
  }
}
