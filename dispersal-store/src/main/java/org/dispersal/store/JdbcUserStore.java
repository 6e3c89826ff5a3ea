package org.dispersal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
    return db.read(
        c ->
            users(c, "SELECT " + COLUMNS + " FROM users u WHERE u.username = ?", username).stream()
                .findFirst());
  }

  @Override
  public Optional<String> passwordHash(String username) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
          }
        });
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
          if (!users(c, "SELECT " + COLUMNS + " FROM users u WHERE u.username = ?", username)
              .isEmpty()) {
            throw new StoreException("a user named '" + username + "' already exists");
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO users (username, password_hash, role, team, created)"
                      + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, username);
            p.setString(2, passwordHash);
            p.setString(3, role.id());
            p.setString(4, team);
            Database.setTime(p, 5, now);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              return new User(rs.getLong(1), username, role, team, now);
            }
          }
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
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, value);
            p.setString(2, username);
            return p.executeUpdate() > 0;
          }
        });
  }

  @Override
  public boolean delete(String username) {
    return db.transaction(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM api_tokens WHERE user_id IN"
                      + " (SELECT id FROM users WHERE username = ?)")) {
            p.setString(1, username);
            p.executeUpdate();
          }
          try (PreparedStatement p = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
            p.setString(1, username);
            return p.executeUpdate() > 0;
          }
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
              users(c, "SELECT " + COLUMNS + " FROM users u WHERE u.username = ?", username)
                  .stream()
                  .findFirst()
                  .orElseThrow(() -> new StoreException("no user named '" + username + "'"))
                  .id();
          try (PreparedStatement p =
              c.prepareStatement("SELECT 1 FROM api_tokens WHERE user_id = ? AND name = ?")) {
            p.setLong(1, userId);
            p.setString(2, tokenName);
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                throw new StoreException(
                    "you have a token named "
                        + tokenName
                        + "; revoke it first or pick another name");
              }
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO api_tokens (user_id, name, token_hash, created)"
                      + " VALUES (?, ?, ?, ?)")) {
            p.setLong(1, userId);
            p.setString(2, tokenName);
            p.setString(3, tokenHash);
            Database.setTime(p, 4, Database.now());
            return p.executeUpdate();
          }
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
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM api_tokens WHERE name = ? AND user_id IN"
                      + " (SELECT id FROM users WHERE username = ?)")) {
            p.setString(1, tokenName);
            p.setString(2, username);
            return p.executeUpdate() > 0;
          }
        });
  }

  private static List<User> users(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (key != null) {
        p.setString(1, key);
      }
      List<User> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new User(
                  rs.getLong("id"),
                  rs.getString("username"),
                  Role.of(rs.getString("role")),
                  rs.getString("team"),
                  Database.time(rs, "created")));
        }
      }
      return out;
    }
  }
}
