package org.dispersal.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dispersal.store.Role;

/**
 * The sessions of logged-in browsers, in memory: a restart logs everyone out, which is acceptable
 * for a team server and keeps session ids out of the database.
 *
 * <p>A session ends after {@code idle} without requests or {@code lifetime} after login, whichever
 * comes first. At most {@code capacity} sessions are kept; beyond that the least recently used is
 * dropped, so a flood of logins cannot exhaust memory.
 */
public final class Sessions {

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;
  private final int capacity;

  /**
   * Creates an empty set of sessions.
   *
   * @param clock the time source
   * @param idle how long an unused session lives
   * @param lifetime how long any session lives
   * @param capacity the most sessions kept at once
   */
  public Sessions(Clock clock, Duration idle, Duration lifetime, int capacity) {
    this.clock = clock;
    this.idle = idle;
    this.lifetime = lifetime;
    this.capacity = capacity;
  }

  /** Starts a session for a user who has just proved who they are. */
  public Session open(String username, Role role) {
    Instant now = clock.instant();
    if (byId.size() >= capacity) {
      expire(now);
      if (byId.size() >= capacity) {
        byId.values().stream()
            .min(Comparator.comparing(Session::lastSeen))
            .ifPresent(s -> byId.remove(s.id()));
      }
    }
    Session s = new Session(Secrets.random256(), username, role, Secrets.random256(), now, now);
    byId.put(s.id(), s);
    return s;
  }

  /** The live session with this id, marked as used now; empty if unknown or expired. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s =
        byId.computeIfPresent(
            id,
            (k, old) ->
                expired(old, now)
                    ? null
                    : new Session(
                        old.id(), old.username(), old.role(), old.csrfToken(), old.created(), now));
    return Optional.ofNullable(s);
  }

  /** Ends one session. */
  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** Gives every session of a user a new role. */
  public void changeRole(String username, Role role) {
    byId.replaceAll(
        (k, s) ->
            s.username().equals(username)
                ? new Session(s.id(), s.username(), role, s.csrfToken(), s.created(), s.lastSeen())
                : s);
  }

  /** Ends every session of a user (when the account is deleted). */
  public void closeAll(String username) {
    byId.values().removeIf(s -> s.username().equals(username));
  }

  /** The number of live sessions. */
  public int size() {
    expire(clock.instant());
    return byId.size();
  }

  private void expire(Instant now) {
    byId.values().removeIf(s -> expired(s, now));
  }

  private boolean expired(Session s, Instant now) {
    return s.lastSeen().plus(idle).isBefore(now) || s.created().plus(lifetime).isBefore(now);
  }
}
