package org.dispersal.server.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dispersal.store.Role;
import org.dispersal.store.User;
import org.dispersal.store.UserStore;

/**
 * The accounts with the API tokens' owners kept in memory, so that a request with a bearer token
 * does not query the store to find its caller. Every change that can end or alter a token's rights
 * goes through this object (revoking a token, deleting its user, changing the user's role or team)
 * and drops the cached tokens of that user before it returns, so a revoked token is refused by the
 * next request, exactly as without the cache.
 *
 * <p>The cache is used only when this process is the only one that can change the store (an
 * embedded DuckDB file, {@code exact}); on a store shared with other processes (PostgreSQL) every
 * lookup reads the store, since another server or the command line may revoke a token at any
 * moment. Unknown tokens are never cached, and at most {@link #CAPACITY} tokens are kept (the cache
 * is emptied when full, so a flood of valid tokens only costs store reads). A lookup that raced a
 * change is not kept (the same generation rule as {@link Sessions}).
 */
public final class CachedTokens implements UserStore {

  /** The most token hashes kept; beyond that the cache starts again empty. */
  public static final int CAPACITY = 10_000;

  private final UserStore store;
  private final boolean exact;
  private final Map<String, User> byHash = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private long changes;

  /**
   * Wraps a user store.
   *
   * @param store the accounts and token hashes
   * @param exact true when no other process can change the store, so the cache may be used
   */
  public CachedTokens(UserStore store, boolean exact) {
    this.store = store;
    this.exact = exact;
  }

  @Override
  public Optional<User> userForToken(String tokenHash) {
    if (!exact) {
      return store.userForToken(tokenHash);
    }
    User hit = byHash.get(tokenHash);
    if (hit != null) {
      return Optional.of(hit);
    }
    long seen;
    synchronized (lock) {
      seen = changes;
    }
    Optional<User> found = store.userForToken(tokenHash);
    found.ifPresent(
        u -> {
          synchronized (lock) {
            if (changes == seen) {
              if (byHash.size() >= CAPACITY) {
                byHash.clear();
              }
              byHash.put(tokenHash, u);
            }
          }
        });
    return found;
  }

  /** How many tokens are cached now (for tests). */
  int cached() {
    return byHash.size();
  }

  @Override
  public boolean revokeToken(String username, String tokenName) {
    try {
      return store.revokeToken(username, tokenName);
    } finally {
      forget(username);
    }
  }

  @Override
  public boolean delete(String username) {
    try {
      return store.delete(username);
    } finally {
      forget(username);
    }
  }

  @Override
  public boolean setRole(String username, Role role) {
    try {
      return store.setRole(username, role);
    } finally {
      forget(username);
    }
  }

  @Override
  public boolean setTeam(String username, String team) {
    try {
      return store.setTeam(username, team);
    } finally {
      forget(username);
    }
  }

  /** Drops every cached token of a user; lookups that started before are not kept. */
  private void forget(String username) {
    synchronized (lock) {
      changes++;
      byHash.values().removeIf(u -> u.username().equals(username));
    }
  }

  @Override
  public Optional<User> find(String username) {
    return store.find(username);
  }

  @Override
  public Optional<String> passwordHash(String username) {
    return store.passwordHash(username);
  }

  @Override
  public User create(String username, String passwordHash, Role role, String team) {
    return store.create(username, passwordHash, role, team);
  }

  @Override
  public List<User> list() {
    return store.list();
  }

  @Override
  public boolean setPasswordHash(String username, String passwordHash) {
    return store.setPasswordHash(username, passwordHash);
  }

  @Override
  public void saveToken(String username, String tokenName, String tokenHash) {
    store.saveToken(username, tokenName, tokenHash);
  }
}
