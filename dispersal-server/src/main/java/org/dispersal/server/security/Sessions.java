package org.dispersal.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.dispersal.store.Role;
import org.dispersal.store.SessionStore;
import org.dispersal.store.StoredSession;

/**
 * The sessions of logged-in browsers, kept in the run store so that a restart logs nobody out. The
 * store holds only the SHA-256 of each session id; the id itself lives in the browser's cookie.
 *
 * <p>A session ends after {@code idle} without requests or {@code lifetime} after login, whichever
 * comes first, and with logout or the deletion of its user. A role change applies to open sessions
 * at once. At most {@code capacity} sessions are kept; a login beyond that drops the least recently
 * used one, so a flood of logins cannot fill the database.
 *
 * <p>A small cache spares each request a trip to the database. On a DuckDB store this process is
 * the only one that can change sessions, so every change goes through this object and the cache is
 * exact: a cached session is used as it is. On PostgreSQL other servers (or the command line) may
 * log a session out, delete a user or change a role at any moment, so each request reads the
 * session again (one primary-key lookup joined with its account). Either way, the last use is
 * written to the store at most once every {@link #TOUCH_EVERY}, so where the store's record decides
 * (after a restart, and always on PostgreSQL) a session may reach its idle end up to that much
 * early.
 */
public final class Sessions {

  /** The least time between two writes of a session's last use to the store. */
  public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  /** A cached session and the last use the store holds for it. */
  private record Cached(Session session, Instant stored) {}

  private final SessionStore store;
  private final Clock clock;
  private final Duration idle;
  private final Duration lifetime;
  private final int capacity;
  private final boolean cacheIsExact;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Guards {@link #changes} and the cache writes that must not undo a logout or role change. */
  private final Object lock = new Object();

  /** Counts logouts, user deletions and role changes, so a lookup racing one is not cached. */
  private long changes;

  /** When expired sessions were last removed from the store (logins remove them once a minute). */
  private volatile Instant lastPurge;

  /**
   * Opens the sessions of a store and drops those that have expired.
   *
   * @param clock the time source
   * @param store where sessions are kept
   * @param idle how long an unused session lives
   * @param lifetime how long any session lives
   * @param capacity the most sessions kept at once
   */
  public Sessions(Clock clock, SessionStore store, Duration idle, Duration lifetime, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("session capacity must be at least 1, not " + capacity);
    }
    this.clock = clock;
    this.store = store;
    this.idle = idle;
    this.lifetime = lifetime;
    this.capacity = capacity;
    this.cacheIsExact = !store.sharedWithOtherProcesses();
    purge(now());
  }

  /**
   * Starts a session for a user who has just proved who they are.
   *
   * @param username the user
   * @param role the role the login saw; unused, because the session takes the role stored with the
   *     account, which differs only when an admin changed it in between
   */
  public Session open(String username, Role role) {
    Instant now = now();
    int removed = 0;
    if (Duration.between(lastPurge, now).compareTo(TOUCH_EVERY) >= 0) {
      removed += purge(now);
    }
    if (store.count() >= capacity) {
      removed += purge(now) + store.keepNewest(capacity - 1);
    }
    if (removed > 0) {
      dropCache(); // sessions left the store: the cache must not keep them alive
    }
    long seen = changesSoFar();
    String id = Secrets.random256();
    String hash = Secrets.sha256(id);
    StoredSession stored = store.create(hash, username, Secrets.random256(), now, end(now, now));
    Session s =
        new Session(id, username, stored.role(), stored.team(), stored.csrfToken(), now, now);
    remember(hash, new Cached(s, now), seen);
    return s;
  }

  /** The live session with this id, marked as used now; empty if unknown or ended. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = now();
    long seen = changesSoFar();
    String hash = Secrets.sha256(id);
    Cached cached = cache.get(hash);
    Session s;
    Instant stored;
    if (cached != null && cacheIsExact && !expired(cached.session(), now)) {
      s = cached.session();
      stored = cached.stored();
    } else {
      Optional<StoredSession> row = store.find(hash, now);
      if (row.isEmpty()) {
        forget(hash);
        return Optional.empty();
      }
      StoredSession r = row.get();
      Instant lastSeen =
          cached != null && cached.session().lastSeen().isAfter(r.lastSeen())
              ? cached.session().lastSeen()
              : r.lastSeen();
      s = new Session(id, r.username(), r.role(), r.team(), r.csrfToken(), r.created(), lastSeen);
      stored = r.lastSeen();
      if (expired(s, now)) { // the timeouts may have been shortened since the last start
        store.delete(hash);
        forget(hash);
        return Optional.empty();
      }
    }
    if (Duration.between(stored, now).compareTo(TOUCH_EVERY) >= 0) {
      if (!store.touch(hash, now, end(s.created(), now))) {
        forget(hash);
        return Optional.empty();
      }
      stored = now;
    }
    Session used =
        new Session(id, s.username(), s.role(), s.team(), s.csrfToken(), s.created(), now);
    remember(hash, new Cached(used, stored), seen);
    return Optional.of(used);
  }

  /** Ends one session (logout). */
  public void close(String id) {
    if (id == null || id.isEmpty()) {
      return;
    }
    String hash = Secrets.sha256(id);
    store.delete(hash);
    synchronized (lock) {
      changes++;
      cache.remove(hash);
    }
  }

  /**
   * Gives every open session of a user a new role, after the account's role has been changed in the
   * store.
   */
  public void changeRole(String username, Role role) {
    changeAccount(username, s -> s.withAccount(role, s.team()));
  }

  /**
   * Gives every open session of a user a new team, after the account's team has been changed in the
   * store.
   */
  public void changeTeam(String username, String team) {
    changeAccount(username, s -> s.withAccount(s.role(), team));
  }

  private void changeAccount(String username, UnaryOperator<Session> change) {
    synchronized (lock) {
      changes++;
      cache.replaceAll(
          (hash, c) ->
              c.session().username().equals(username)
                  ? new Cached(change.apply(c.session()), c.stored())
                  : c);
    }
  }

  /** Ends every session of a user (when the account is deleted). */
  public void closeAll(String username) {
    store.deleteAll(username);
    synchronized (lock) {
      changes++;
      cache.values().removeIf(c -> c.session().username().equals(username));
    }
  }

  /** Removes expired sessions (and those of deleted users) from the store. */
  private int purge(Instant now) {
    lastPurge = now;
    return store.purgeExpired(now);
  }

  private long changesSoFar() {
    synchronized (lock) {
      return changes;
    }
  }

  /**
   * Caches a session unless a logout, deletion or role change happened since {@code seen}: the
   * session was read before that change and must not outlive it in the cache.
   */
  private void remember(String hash, Cached c, long seen) {
    synchronized (lock) {
      if (changes != seen) {
        cache.remove(hash);
        return;
      }
      if (!cache.containsKey(hash) && cache.size() >= capacity) {
        Instant now = c.session().lastSeen();
        cache.values().removeIf(old -> expired(old.session(), now));
        if (cache.size() >= capacity) {
          cache.entrySet().stream()
              .min(Comparator.comparing(e -> e.getValue().session().lastSeen()))
              .ifPresent(e -> cache.remove(e.getKey()));
        }
      }
      cache.put(hash, c);
    }
  }

  private void dropCache() {
    synchronized (lock) {
      changes++;
      cache.clear();
    }
  }

  private void forget(String hash) {
    synchronized (lock) {
      cache.remove(hash);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** When a session made at {@code created} and last used at {@code lastSeen} ends. */
  private Instant end(Instant created, Instant lastSeen) {
    Instant idleEnd = lastSeen.plus(idle);
    Instant lifeEnd = created.plus(lifetime);
    return idleEnd.isBefore(lifeEnd) ? idleEnd : lifeEnd;
  }

  private boolean expired(Session s, Instant now) {
    return s.lastSeen().plus(idle).isBefore(now) || s.created().plus(lifetime).isBefore(now);
  }
}
