package org.dispersal.store;

import java.time.Instant;

/**
 * A browser session of the web service as the store keeps it: the hash of its id (never the id),
 * whose it is, and when it ends.
 *
 * @param idHash the lower-case hex SHA-256 of the session id
 * @param username the user
 * @param role the user's role now (read from the account, so a role change applies at once)
 * @param team the user's team, or null for none
 * @param csrfToken the token unsafe requests of this session must echo
 * @param created when the user logged in
 * @param lastSeen the last use recorded in the store (the server records it at most once a minute)
 * @param expires when the session ends unless it is used again
 */
public record StoredSession(
    String idHash,
    String username,
    Role role,
    String team,
    String csrfToken,
    Instant created,
    Instant lastSeen,
    Instant expires) {}
