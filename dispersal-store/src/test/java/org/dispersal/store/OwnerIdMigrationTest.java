package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V7 gives every scenario its owner's account id: a scenario whose owner's account exists
 * gets that id; one whose owner was deleted before V7 gets none (only admins may change it). On
 * DuckDB, and on PostgreSQL when DISPERSAL_TEST_PG_URL is set.
 */
class OwnerIdMigrationTest {

  @TempDir Path folder;

  @Test
  void duckDbStoreAtV6GetsOwnerIds() throws SQLException {
    migrateFromV6(TestDatabases.duckDb(folder));
  }

  @Test
  void postgresStoreAtV6GetsOwnerIds() throws SQLException {
    migrateFromV6(TestDatabases.postgres());
  }

  private static void migrateFromV6(String url) throws SQLException {
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, null, null)
        .locations(Store.STORE_MIGRATIONS)
        .target("6")
        .load()
        .migrate();
    Timestamp t = Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
    long ana;
    long kept;
    long orphan;
    try (Connection c = DriverManager.getConnection(url)) {
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO users (username, password_hash, role, created)"
                  + " VALUES ('ana', 'h', 'analyst', ?) RETURNING id")) {
        p.setTimestamp(1, t);
        ana = single(p);
      }
      kept = scenario(c, "anas-plan", "ana", t);
      orphan = scenario(c, "gone-plan", "bob", t);
    }
    try (Store store = Store.open(url)) {
      assertThat(store.scenarios().ownerId(kept)).hasValue(ana);
      assertThat(store.scenarios().ownerId(orphan)).isEmpty();
      store.users().create("bob", "h", Role.ANALYST, null);
      assertThat(store.scenarios().ownerId(orphan)).as("a new bob owns nothing").isEmpty();
    }
  }

  private static long scenario(Connection c, String name, String owner, Timestamp t)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO scenarios (name, yaml, owner, built_in, created, updated)"
                + " VALUES (?, 'extends: isis-2017', ?, FALSE, ?, ?) RETURNING id")) {
      p.setString(1, name);
      p.setString(2, owner);
      p.setTimestamp(3, t);
      p.setTimestamp(4, t);
      return single(p);
    }
  }

  private static long single(PreparedStatement p) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
