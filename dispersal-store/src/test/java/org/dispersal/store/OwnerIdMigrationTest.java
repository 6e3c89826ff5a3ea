package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
    OldStores.migrateTo(url, "6");
    long ana;
    long kept;
    long orphan;
    try (Connection c = DriverManager.getConnection(url)) {
      ana =
          OldStores.insert(
              c,
              "INSERT INTO users (username, password_hash, role, created)"
                  + " VALUES ('ana', 'h', 'analyst', ?) RETURNING id",
              OldStores.WRITTEN);
      kept = scenario(c, "anas-plan", "ana");
      orphan = scenario(c, "gone-plan", "bob");
    }
    try (Store store = Store.open(url)) {
      assertThat(store.scenarios().ownerId(kept)).hasValue(ana);
      assertThat(store.scenarios().ownerId(orphan)).isEmpty();
      store.users().create("bob", "h", Role.ANALYST, null);
      assertThat(store.scenarios().ownerId(orphan)).as("a new bob owns nothing").isEmpty();
    }
  }

  private static long scenario(Connection c, String name, String owner) throws SQLException {
    return OldStores.insert(
        c,
        "INSERT INTO scenarios (name, yaml, owner, built_in, created, updated)"
            + " VALUES (?, 'extends: isis-2017', ?, FALSE, ?, ?) RETURNING id",
        name,
        owner,
        OldStores.WRITTEN,
        OldStores.WRITTEN);
  }
}
