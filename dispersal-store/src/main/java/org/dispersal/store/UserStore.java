package org.dispersal.store;

import java.util.List;
import java.util.Optional;

/**
 * Accounts and API tokens. Only hashes are stored: hashing passwords and tokens is the caller's
 * business.
 */
public interface UserStore {
  Optional<User> find(String username);

  Optional<String> passwordHash(String username);

  /** Adds a user; throws {@link StoreException} when the name is taken. */
  User create(String username, String passwordHash, Role role, String team);

  List<User> list();

  boolean setRole(String username, Role role);

  /** Changes a user's team (null for none); false for an unknown user. */
  boolean setTeam(String username, String team);

  /** Changes a user's password hash; false for an unknown user. */
  boolean setPasswordHash(String username, String passwordHash);

  /** Removes a user and their tokens; false when there was none. */
  boolean delete(String username);

  /**
   * Keeps a token's hash under a name; throws {@link StoreException} when the user has a token of
   * that name (revoke it first).
   */
  void saveToken(String username, String tokenName, String tokenHash);

  Optional<User> userForToken(String tokenHash);

  boolean revokeToken(String username, String tokenName);
}
