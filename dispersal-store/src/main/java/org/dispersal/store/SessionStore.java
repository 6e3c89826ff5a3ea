package org.dispersal.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The browser sessions of the web service, kept so that they outlive a restart. Only the SHA-256 of
 * a session id is stored; hashing is the caller's business, as for API tokens. A session belongs to
 * one account and always carries that account's current role; when the account is gone, so is the
 * session. The timeouts are the caller's policy: it says when each session expires.
 */
public interface SessionStore {

  /**
   * Keeps a new session.
   *
   * @throws StoreException when the user does not exist
   */
  StoredSession create(
      String idHash, String username, String csrfToken, Instant created, Instant expires);

  /** The session with this hash, if it has not expired at {@code now} and its user exists. */
  Optional<StoredSession> find(String idHash, Instant now);

  /** Records that a session was used; false when the session is gone (logged out elsewhere). */
  boolean touch(String idHash, Instant lastSeen, Instant expires);

  /** Removes one session; false when there was none. */
  boolean delete(String idHash);

  /** Removes every session of a user; the number removed. */
  int deleteAll(String username);

  /** Removes the sessions expired before {@code now} and those whose user is gone. */
  int purgeExpired(Instant now);

  /** The number of sessions kept, expired or not. */
  int count();

  /**
   * Removes the least recently used sessions beyond the newest {@code keep}; the number removed.
   */
  int keepNewest(int keep);

  /**
   * True when other processes may change the sessions at the same time (PostgreSQL, which several
   * servers may share); false when this process is the store's only user (a DuckDB file).
   */
  boolean sharedWithOtherProcesses();
}
