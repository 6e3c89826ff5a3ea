package org.dispersal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
          long id =
              Database.query(
                      c,
                      "INSERT INTO scenarios"
                          + " (name, yaml, owner, built_in, visibility, team, created, updated,"
                          + " owner_id)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                          + " (SELECT u.id FROM users u WHERE u.username = ?)) RETURNING id",
                      rs -> rs.getLong(1),
                      name,
                      yaml,
                      owner,
                      builtIn,
                      visibility.id(),
                      team,
                      now,
                      now,
                      owner)
                  .get(0);
          return new StoredScenario(id, name, yaml, owner, builtIn, visibility, team, now, now);
        });
  }

  @Override
  public Optional<Long> ownerId(long id) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT owner_id FROM scenarios WHERE id = ?",
                    rs -> {
                      long owner = rs.getLong(1);
                      return rs.wasNull() ? Optional.<Long>empty() : Optional.of(owner);
                    },
                    id)
                .stream()
                .findFirst()
                .flatMap(owner -> owner));
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
          if (rename) {
            Database.update(c, sql, yaml, now, v.id(), t, name, id);
          } else {
            Database.update(c, sql, yaml, now, v.id(), t, id);
          }
          return new StoredScenario(
              id, name, yaml, old.owner(), old.builtIn(), v, t, old.created(), now);
        });
  }

  @Override
  public boolean delete(long id) {
    return db.transaction(c -> Database.update(c, "DELETE FROM scenarios WHERE id = ?", id) > 0);
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
    return Database.query(
                c,
                "SELECT count(*) FROM scenarios WHERE name = ? AND id <> ?",
                rs -> rs.getLong(1),
                name,
                exceptId)
            .get(0)
        > 0;
  }

  private static List<StoredScenario> query(Connection c, String sql, Object key)
      throws SQLException {
    Object[] args = key == null ? new Object[0] : new Object[] {key};
    return Database.query(
        c,
        sql,
        rs ->
            new StoredScenario(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("yaml"),
                rs.getString("owner"),
                rs.getBoolean("built_in"),
                Visibility.of(rs.getString("visibility")),
                rs.getString("team"),
                Database.time(rs, "created"),
                Database.time(rs, "updated")),
        args);
  }
}
