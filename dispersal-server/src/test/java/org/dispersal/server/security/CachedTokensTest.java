package org.dispersal.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dispersal.store.Role;
import org.dispersal.store.User;
import org.dispersal.store.UserStore;
import org.junit.jupiter.api.Test;

/**
 * The token cache: used only on an exact store, and dropped by every change of a token's rights.
 */
class CachedTokensTest {

  /** Users and tokens in memory, counting token lookups. */
  static final class MemoryUsers implements UserStore {
    final Map<String, User> users = new HashMap<>();
    final Map<String, String[]> tokens = new HashMap<>(); // hash -> {user, name}
    int lookups;

    @Override
    public Optional<User> find(String username) {
      return Optional.ofNullable(users.get(username));
    }

    @Override
    public Optional<String> passwordHash(String username) {
      return Optional.empty();
    }

    @Override
    public User create(String username, String passwordHash, Role role, String team) {
      User u = new User(users.size() + 1, username, role, team, Instant.EPOCH);
      users.put(username, u);
      return u;
    }

    @Override
    public List<User> list() {
      return new ArrayList<>(users.values());
    }

    @Override
    public boolean setRole(String username, Role role) {
      User u = users.get(username);
      users.put(username, new User(u.id(), username, role, u.team(), u.created()));
      return true;
    }

    @Override
    public boolean setTeam(String username, String team) {
      User u = users.get(username);
      users.put(username, new User(u.id(), username, u.role(), team, u.created()));
      return true;
    }

    @Override
    public boolean setPasswordHash(String username, String passwordHash) {
      return true;
    }

    @Override
    public boolean delete(String username) {
      tokens.values().removeIf(t -> t[0].equals(username));
      return users.remove(username) != null;
    }

    @Override
    public void saveToken(String username, String tokenName, String tokenHash) {
      tokens.put(tokenHash, new String[] {username, tokenName});
    }

    @Override
    public Optional<User> userForToken(String tokenHash) {
      lookups++;
      String[] t = tokens.get(tokenHash);
      return t == null ? Optional.empty() : Optional.ofNullable(users.get(t[0]));
    }

    @Override
    public boolean revokeToken(String username, String tokenName) {
      return tokens.values().removeIf(t -> t[0].equals(username) && t[1].equals(tokenName));
    }
  }

  private static MemoryUsers twoUsers() {
    MemoryUsers m = new MemoryUsers();
    m.create("ana", "x", Role.ANALYST, "alpha");
    m.create("ben", "x", Role.VIEWER, null);
    m.saveToken("ana", "a1", "hash-a1");
    m.saveToken("ana", "a2", "hash-a2");
    m.saveToken("ben", "b1", "hash-b1");
    return m;
  }

  @Test
  void anExactStoreIsAskedOncePerTokenAndUnknownTokensAreNeverKept() {
    MemoryUsers m = twoUsers();
    CachedTokens c = new CachedTokens(m, true);
    for (int i = 0; i < 5; i++) {
      assertThat(c.userForToken("hash-a1").orElseThrow().username()).isEqualTo("ana");
      assertThat(c.userForToken("nope")).isEmpty();
    }
    assertThat(m.lookups).isEqualTo(1 + 5);
    assertThat(c.cached()).isEqualTo(1);
  }

  @Test
  void aSharedStoreIsAskedEveryTime() {
    MemoryUsers m = twoUsers();
    CachedTokens c = new CachedTokens(m, false);
    for (int i = 0; i < 5; i++) {
      assertThat(c.userForToken("hash-a1")).isPresent();
    }
    assertThat(m.lookups).isEqualTo(5);
    assertThat(c.cached()).isZero();
  }

  @Test
  void everyChangeOfATokensRightsIsSeenByTheNextLookup() {
    MemoryUsers m = twoUsers();
    CachedTokens c = new CachedTokens(m, true);
    c.userForToken("hash-a1");
    c.userForToken("hash-a2");
    c.userForToken("hash-b1");
    assertThat(c.revokeToken("ana", "a1")).isTrue();
    assertThat(c.userForToken("hash-a1")).isEmpty();
    assertThat(c.userForToken("hash-b1")).isPresent(); // others' tokens stay cached
    c.setRole("ana", Role.VIEWER);
    assertThat(c.userForToken("hash-a2").orElseThrow().role()).isEqualTo(Role.VIEWER);
    c.setTeam("ana", "beta");
    assertThat(c.userForToken("hash-a2").orElseThrow().team()).isEqualTo("beta");
    c.delete("ana");
    assertThat(c.userForToken("hash-a2")).isEmpty();
    int before = m.lookups;
    c.userForToken("hash-b1");
    assertThat(m.lookups).isEqualTo(before); // ben's token never left the cache
  }
}
