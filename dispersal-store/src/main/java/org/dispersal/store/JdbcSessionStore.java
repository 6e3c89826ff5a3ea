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
          Database.update(
              c,
              "INSERT INTO sessions"
                  + " (id_hash, user_id, username, csrf_token, created, last_seen, expires)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)",
              idHash,
              userId,
              username,
              csrfToken,
              created,
              created,
              expires);
          return new StoredSession(
              idHash, username, role, team, csrfToken, created, created, expires);
        });
  }

  @Override
  public Optional<StoredSession> find(String idHash, Instant now) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT s.id_hash, s.username, u.role, u.team, s.csrf_token, s.created,"
                        + " s.last_seen, s.expires FROM sessions s"
                        + " JOIN users u ON u.id = s.user_id AND u.username = s.username"
                        + " WHERE s.id_hash = ? AND s.expires >= ?",
                    rs ->
                        new StoredSession(
                            rs.getString("id_hash"),
                            rs.getString("username"),
                            Role.of(rs.getString("role")),
                            rs.getString("team"),
                            rs.getString("csrf_token"),
                            Database.time(rs, "created"),
                            Database.time(rs, "last_seen"),
                            Database.time(rs, "expires")),
                    idHash,
                    now)
                .stream()
                .findFirst());
  }

  @Override
  public boolean touch(String idHash, Instant lastSeen, Instant expires) {
    return update(
            "UPDATE sessions SET last_seen = ?, expires = ? WHERE id_hash = ?",
            lastSeen,
            expires,
            idHash)
        > 0;
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
    return update(
        "DELETE FROM sessions WHERE expires < ? OR user_id NOT IN (SELECT id FROM users)", now);
  }

  @Override
  public int count() {
    return db.read(
        c -> Database.query(c, "SELECT count(*) FROM sessions", rs -> rs.getInt(1)).get(0));
  }

  @Override
  public int keepNewest(int keep) {
    return update(
        "DELETE FROM sessions WHERE id_hash IN (SELECT id_hash FROM sessions"
            + " ORDER BY last_seen DESC, id_hash OFFSET ?)",
        Math.max(0, keep));
  }

  @Override
  public boolean sharedWithOtherProcesses() {
    return db.engine() == Database.Engine.POSTGRESQL;
  }

  private int update(String sql, Object... args) {
    return db.read(c -> Database.update(c, sql, args));
  }
}
