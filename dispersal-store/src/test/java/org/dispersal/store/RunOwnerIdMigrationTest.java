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
 * Migration V8 gives every run its owner's account id (issue #18, finding 5), as V7 did for
 * scenarios: a run whose owner's account exists gets that id, one whose owner was deleted gets
 * none; a run created afterwards gets its owner's id at once. On DuckDB, and on PostgreSQL when
 * DISPERSAL_TEST_PG_URL is set.
 */
class RunOwnerIdMigrationTest {

  @TempDir Path folder;

  @Test
  void duckDbStoreAtV7GetsRunOwnerIds() throws SQLException {
    migrateFromV7(TestDatabases.duckDb(folder));
  }

  @Test
  void postgresStoreAtV7GetsRunOwnerIds() throws SQLException {
    migrateFromV7(TestDatabases.postgres());
  }

  private static void migrateFromV7(String url) throws SQLException {
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(url, null, null)
        .locations(Store.STORE_MIGRATIONS)
        .target("7")
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
      kept = run(c, "ana", t);
      orphan = run(c, "bob", t);
    }
    try (Store store = Store.open(url)) {
      assertThat(store.runs().ownerId(kept)).hasValue(ana);
      assertThat(store.runs().ownerId(orphan)).isEmpty();
      store.users().create("bob", "h", Role.ANALYST, null);
      assertThat(store.runs().ownerId(orphan)).as("a new bob owns nothing").isEmpty();
      long bob = store.users().find("bob").orElseThrow().id();
      StoredRun fresh =
          store
              .runs()
              .create(RunKind.FORECAST, "isis-2017", "extends: isis-2017", "bob", 10, 1L, null);
      assertThat(store.runs().ownerId(fresh.id())).hasValue(bob);
      assertThat(store.runs().ownerId(fresh.id() + 1000)).isEmpty();
    }
  }

  private static long run(Connection c, String owner, Timestamp t) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO runs (kind, status, scenario_name, owner, replications, seed, done,"
                + " created, finished, process_key)"
                + " VALUES ('forecast', 'succeeded', 'isis-2017', ?, 10, 1, 10, ?, ?, 0)"
                + " RETURNING id")) {
      p.setString(1, owner);
      p.setTimestamp(2, t);
      p.setTimestamp(3, t);
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
