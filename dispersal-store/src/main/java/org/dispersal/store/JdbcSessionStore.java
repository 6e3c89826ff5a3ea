package org.dispersal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Browser sessions in SQL: hashes of their ids, never the ids. */
final class JdbcSessionStore implements SessionStore {

  private final Database db;

  JdbcSessionStore(Database db) {
    this.db = db;
  }

  @Override
  public StoredSession create(
      String idHash, String username, String csrfToken, Instant created, Instant expires) {
    if (idHash == null || idHash.length() != 64) {
      throw new IllegalArgumentException("a session is kept by the 64-digit hex SHA-256 of its id");
    }
    return db.transaction(
        c -> {
          long userId;
          Role role;
          String team;
          try (PreparedStatement p =
              c.prepareStatement("SELECT id, role, team FROM users WHERE username = ?")) {
            p.setString(1, username);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                throw new StoreException("no user named '" + username + "'");
              }
              userId = rs.getLong(1);
              role = Role.of(rs.getString(2));
              team = rs.getString(3);
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO sessions"
                      + " (id_hash, user_id, username, csrf_token, created, last_seen, expires)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, idHash);
            p.setLong(2, userId);
            p.setString(3, username);
            p.setString(4, csrfToken);
            Database.setTime(p, 5, created);
            Database.setTime(p, 6, created);
            Database.setTime(p, 7, expires);
            p.executeUpdate();
          }
          return new StoredSession(
              idHash, username, role, team, csrfToken, created, created, expires);
        });
  }

  @Override
  public Optional<StoredSession> find(String idHash, Instant now) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT s.id_hash, s.username, u.role, u.team, s.csrf_token, s.created,"
                      + " s.last_seen,"
                      + " s.expires FROM sessions s"
                      + " JOIN users u ON u.id = s.user_id AND u.username = s.username"
                      + " WHERE s.id_hash = ? AND s.expires >= ?")) {
            p.setString(1, idHash);
            Database.setTime(p, 2, now);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoredSession(
                      rs.getString("id_hash"),
                      rs.getString("username"),
                      Role.of(rs.getString("role")),
                      rs.getString("team"),
                      rs.getString("csrf_token"),
                      Database.time(rs, "created"),
                      Database.time(rs, "last_seen"),
                      Database.time(rs, "expires")));
            }
          }
        });
  }

  @Override
  public boolean touch(String idHash, Instant lastSeen, Instant expires) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE sessions SET last_seen = ?, expires = ? WHERE id_hash = ?")) {
            Database.setTime(p, 1, lastSeen);
            Database.setTime(p, 2, expires);
            p.setString(3, idHash);
            return p.executeUpdate() > 0;
          }
        });
  }

  @Override
  public boolean delete(String idHash) {
    return update("DELETE FROM sessions WHERE id_hash = ?", idHash) > 0;
  }

  @Override
  public int deleteAll(String username) {
    return update("DELETE FROM sessions WHERE username = ?", username);
  }

  @Override
  public int purgeExpired(Instant now) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM sessions WHERE expires < ?"
                      + " OR user_id NOT IN (SELECT id FROM users)")) {
            Database.setTime(p, 1, now);
            return p.executeUpdate();
          }
        });
  }

  @Override
  public int count() {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM sessions");
              ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  @Override
  public int keepNewest(int keep) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM sessions WHERE id_hash IN (SELECT id_hash FROM sessions"
                      + " ORDER BY last_seen DESC, id_hash OFFSET ?)")) {
            p.setInt(1, Math.max(0, keep));
            return p.executeUpdate();
          }
        });
  }

  @Override
  public boolean sharedWithOtherProcesses() {
    return db.engine() == Database.Engine.POSTGRESQL;
  }

  private int update(String sql, String key) {
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, key);
            return p.executeUpdate();
          }
        });
  }
}
