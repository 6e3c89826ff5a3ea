package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Migration V7 gives every scenario its owner's account id: a scenario whose owner's account exists
 * gets that id; one whose owner was deleted before V7 gets none (only admins may change it). On
 * DuckDB, and on PostgreSQL when DISPERSAL_TEST_PG_URL is set.
 */
class OwnerIdMigrationTest extends MigrationTest {

  /** A store at V6 with a scenario of a live owner and one of a deleted owner. */
  @Override
  void migrate(String url) throws SQLException {
    OldStores.migrateTo(url, "6");
    long ana;
    long kept;
    long orphan;
    try (Connection c = DriverManager.getConnection(url)) {
      ana = OldStores.user(c, "ana");
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
