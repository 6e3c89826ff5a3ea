package org.dispersal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scenario library in SQL. Since migration V4 a scenario has a visibility (shared or team) and,
 * when it is a team scenario, its team; both are checked here, since DuckDB cannot add a CHECK.
 */
final class JdbcScenarioStore implements ScenarioStore {

  private static final String COLUMNS =
      "id, name, yaml, owner, built_in, visibility, team, created, updated";

  /** Longest team name (the width of users.team). */
  private static final int MAX_TEAM = 100;

  private final Database db;

  JdbcScenarioStore(Database db) {
    this.db = db;
  }

  @Override
  public List<StoredScenario> list() {
    return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM scenarios ORDER BY name", null));
  }

  @Override
  public Optional<StoredScenario> find(long id) {
    return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM scenarios WHERE id = ?", id)).stream()
        .findFirst();
  }

  @Override
  public Optional<StoredScenario> findByName(String name) {
    return db
        .read(c -> query(c, "SELECT " + COLUMNS + " FROM scenarios WHERE name = ?", name))
        .stream()
        .findFirst();
  }

  @Override
  public StoredScenario create(
      String name, String yaml, String owner, Visibility visibility, String team) {
    checkTeam(visibility, team);
    return insert(name, yaml, owner, false, visibility, team);
  }

  @Override
  public StoredScenario createBuiltIn(String name, String yaml) {
    Optional<StoredScenario> existing = findByName(name);
    if (existing.isPresent()) {
      if (!existing.get().builtIn()) {
        throw new StoreException(
            "scenario name '" + name + "' is taken by a user's scenario, not a built-in one");
      }
      if (existing.get().yaml().equals(yaml)) {
        return existing.get();
      }
      return update(existing.get().id(), name, yaml);
    }
    return insert(name, yaml, null, true, Visibility.SHARED, null);
  }

  private StoredScenario insert(
      String name, String yaml, String owner, boolean builtIn, Visibility visibility, String team) {
    checkName(name);
    Instant now = Database.now();
    return db.transaction(
        c -> {
          if (nameTaken(c, name, -1)) {
            throw new StoreException("a scenario named '" + name + "' already exists");
          }
          long id;
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO scenarios"
                      + " (name, yaml, owner, built_in, visibility, team, created, updated,"
                      + " owner_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                      + " (SELECT u.id FROM users u WHERE u.username = ?)) RETURNING id")) {
            p.setString(1, name);
            p.setString(2, yaml);
            p.setString(3, owner);
            p.setBoolean(4, builtIn);
            p.setString(5, visibility.id());
            p.setString(6, team);
            Database.setTime(p, 7, now);
            Database.setTime(p, 8, now);
            p.setString(9, owner);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          return new StoredScenario(id, name, yaml, owner, builtIn, visibility, team, now, now);
        });
  }

  @Override
  public java.util.Optional<Long> ownerId(long id) {
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT owner_id FROM scenarios WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return java.util.Optional.<Long>empty();
              }
              long owner = rs.getLong(1);
              return rs.wasNull() ? java.util.Optional.<Long>empty() : java.util.Optional.of(owner);
            }
          }
        });
  }

  @Override
  public StoredScenario update(long id, String name, String yaml) {
    return change(id, name, yaml, null, null);
  }

  @Override
  public StoredScenario update(
      long id, String name, String yaml, Visibility visibility, String team) {
    checkTeam(visibility, team);
    return change(id, name, yaml, visibility, team);
  }

  /** Changes name and text, and the visibility and team unless {@code visibility} is null. */
  private StoredScenario change(
      long id, String name, String yaml, Visibility visibility, String team) {
    checkName(name);
    Instant now = Database.now();
    return db.transaction(
        c -> {
          StoredScenario old =
              query(c, "SELECT " + COLUMNS + " FROM scenarios WHERE id = ?", id).stream()
                  .findFirst()
                  .orElseThrow(() -> new StoreException("no scenario with id " + id));
          if (!old.name().equals(name) && nameTaken(c, name, id)) {
            throw new StoreException("a scenario named '" + name + "' already exists");
          }
          Visibility v = visibility == null ? old.visibility() : visibility;
          String t = visibility == null ? old.team() : team;
          boolean rename = !old.name().equals(name);
          String sql =
              "UPDATE scenarios SET yaml = ?, updated = ?, visibility = ?, team = ?"
                  + (rename ? ", name = ?" : "")
                  + " WHERE id = ?";
          try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, yaml);
            Database.setTime(p, 2, now);
            p.setString(3, v.id());
            p.setString(4, t);
            if (rename) {
              p.setString(5, name);
              p.setLong(6, id);
            } else {
              p.setLong(5, id);
            }
            p.executeUpdate();
          }
          return new StoredScenario(
              id, name, yaml, old.owner(), old.builtIn(), v, t, old.created(), now);
        });
  }

  @Override
  public boolean delete(long id) {
    return db.transaction(
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM scenarios WHERE id = ?")) {
            p.setLong(1, id);
            return p.executeUpdate() > 0;
          }
        });
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new StoreException("a scenario needs a name");
    }
    if (name.length() > 200) {
      throw new StoreException("scenario name is longer than 200 characters");
    }
  }

  /** A team scenario names its team; a shared one has none. */
  private static void checkTeam(Visibility visibility, String team) {
    if (visibility == null) {
      throw new StoreException("a scenario needs a visibility: shared or team");
    }
    if (visibility == Visibility.SHARED && team != null) {
      throw new StoreException("a shared scenario has no team, not '" + team + "'");
    }
    if (visibility == Visibility.TEAM && (team == null || team.isBlank())) {
      throw new StoreException("a team scenario needs its team");
    }
    if (team != null && team.length() > MAX_TEAM) {
      throw new StoreException("team name is longer than " + MAX_TEAM + " characters");
    }
  }

  private static boolean nameTaken(Connection c, String name, long exceptId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT count(*) FROM scenarios WHERE name = ? AND id <> ?")) {
      p.setString(1, name);
      p.setLong(2, exceptId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static List<StoredScenario> query(Connection c, String sql, Object key)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (key != null) {
        p.setObject(1, key);
      }
      List<StoredScenario> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredScenario(
                  rs.getLong("id"),
                  rs.getString("name"),
                  rs.getString("yaml"),
                  rs.getString("owner"),
                  rs.getBoolean("built_in"),
                  Visibility.of(rs.getString("visibility")),
                  rs.getString("team"),
                  Database.time(rs, "created"),
                  Database.time(rs, "updated")));
        }
      }
      return out;
    }
  }
}
