package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Migration V8 gives every run its owner's account id (issue #18, finding 5), as V7 did for
 * scenarios: a run whose owner's account exists gets that id, one whose owner was deleted gets
 * none; a run created afterwards gets its owner's id at once. On DuckDB, and on PostgreSQL when
 * DISPERSAL_TEST_PG_URL is set.
 */
class RunOwnerIdMigrationTest extends MigrationTest {

  /** A store at V7 with a run of a live owner and one of a deleted owner. */
  @Override
  void migrate(String url) throws SQLException {
    OldStores.migrateTo(url, "7");
    long ana;
    long kept;
    long orphan;
    try (Connection c = DriverManager.getConnection(url)) {
      ana = OldStores.user(c, "ana");
      kept = run(c, "ana");
      orphan = run(c, "bob");
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

  private static long run(Connection c, String owner) throws SQLException {
    return OldStores.insert(
        c,
        "INSERT INTO runs (kind, status, scenario_name, owner, replications, seed, done,"
            + " created, finished, process_key)"
            + " VALUES ('forecast', 'succeeded', 'isis-2017', ?, 10, 1, 10, ?, ?, 0)"
            + " RETURNING id",
        owner,
        OldStores.WRITTEN,
        OldStores.WRITTEN);
  }
}
