package org.dispersal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and API token hashes in SQL. */
final class JdbcUserStore implements UserStore {

  private static final String COLUMNS = "u.id, u.username, u.role, u.team, u.created";

  private final Database db;

  JdbcUserStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<User> find(String username) {
    return db.read(c -> named(c, username).stream().findFirst());
  }

  @Override
  public Optional<String> passwordHash(String username) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT password_hash FROM users WHERE username = ?",
                    rs -> Optional.ofNullable(rs.getString(1)),
                    username)
                .stream()
                .findFirst()
                .flatMap(hash -> hash));
  }

  @Override
  public User create(String username, String passwordHash, Role role, String team) {
    if (username == null || username.isBlank() || username.length() > 100) {
      throw new StoreException("a user name must have 1 to 100 characters");
    }
    if (role == null) {
      throw new StoreException("user '" + username + "' needs a role");
    }
    Instant now = Database.now();
    return db.transaction(
        c -> {
          if (!named(c, username).isEmpty()) {
            throw new StoreException("a user named '" + username + "' already exists");
          }
          long id =
              Database.query(
                      c,
                      "INSERT INTO users (username, password_hash, role, team, created)"
                          + " VALUES (?, ?, ?, ?, ?) RETURNING id",
                      rs -> rs.getLong(1),
                      username,
                      passwordHash,
                      role.id(),
                      team,
                      now)
                  .get(0);
          return new User(id, username, role, team, now);
        });
  }

  @Override
  public List<User> list() {
    return db.read(c -> users(c, "SELECT " + COLUMNS + " FROM users u ORDER BY u.username", null));
  }

  @Override
  public boolean setRole(String username, Role role) {
    return update("UPDATE users SET role = ? WHERE username = ?", role.id(), username);
  }

  @Override
  public boolean setTeam(String username, String team) {
    if (team != null && (team.isBlank() || team.length() > 100)) {
      throw new StoreException("a team name must have 1 to 100 characters");
    }
    return update("UPDATE users SET team = ? WHERE username = ?", team, username);
  }

  @Override
  public boolean setPasswordHash(String username, String passwordHash) {
    return update("UPDATE users SET password_hash = ? WHERE username = ?", passwordHash, username);
  }

  private boolean update(String sql, String value, String username) {
    return db.read(c -> Database.update(c, sql, value, username)) > 0;
  }

  @Override
  public boolean delete(String username) {
    return db.transaction(
        c -> {
          Database.update(
              c,
              "DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE username = ?)",
              username);
          return Database.update(c, "DELETE FROM users WHERE username = ?", username) > 0;
        });
  }

  @Override
  public void saveToken(String username, String tokenName, String tokenHash) {
    if (tokenName == null || tokenName.isBlank() || tokenName.length() > 100) {
      throw new StoreException("a token name must have 1 to 100 characters");
    }
    db.transaction(
        c -> {
          long userId =
              named(c, username).stream()
                  .findFirst()
                  .orElseThrow(() -> new StoreException("no user named '" + username + "'"))
                  .id();
          if (!Database.query(
                  c,
                  "SELECT 1 FROM api_tokens WHERE user_id = ? AND name = ?",
                  rs -> true,
                  userId,
                  tokenName)
              .isEmpty()) {
            throw new StoreException(
                "you have a token named " + tokenName + "; revoke it first or pick another name");
          }
          return Database.update(
              c,
              "INSERT INTO api_tokens (user_id, name, token_hash, created) VALUES (?, ?, ?, ?)",
              userId,
              tokenName,
              tokenHash,
              Database.now());
        });
  }

  @Override
  public Optional<User> userForToken(String tokenHash) {
    return db.read(
        c ->
            users(
                    c,
                    "SELECT "
                        + COLUMNS
                        + " FROM users u JOIN api_tokens t ON t.user_id = u.id"
                        + " WHERE t.token_hash = ?",
                    tokenHash)
                .stream()
                .findFirst());
  }

  @Override
  public boolean revokeToken(String username, String tokenName) {
    return update(
        "DELETE FROM api_tokens WHERE name = ? AND user_id IN"
            + " (SELECT id FROM users WHERE username = ?)",
        tokenName,
        username);
  }

  private static List<User> named(Connection c, String username) throws SQLException {
    return users(c, "SELECT " + COLUMNS + " FROM users u WHERE u.username = ?", username);
  }

  private static List<User> users(Connection c, String sql, String key) throws SQLException {
    Object[] args = key == null ? new Object[0] : new Object[] {key};
    return Database.query(
        c,
        sql,
        rs ->
            new User(
                rs.getLong("id"),
                rs.getString("username"),
                Role.of(rs.getString("role")),
                rs.getString("team"),
                Database.time(rs, "created")),
        args);
  }
}
