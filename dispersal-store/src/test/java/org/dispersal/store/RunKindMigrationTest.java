package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;

/**
 * Migrations V2 and V5 widen runs.kind (to threat and update runs, then to sensitivity and
 * screening runs) on a store that already holds runs: the old run keeps its id and fields, new runs
 * take ids after it, and runs of the new kinds are accepted. On DuckDB, and on PostgreSQL when
 * DISPERSAL_TEST_PG_URL is set.
 */
class RunKindMigrationTest {

  /** A store at V4 keeps its team run and accepts sensitivity and screening runs. */
  @Nested
  class FromV4 extends MigrationTest {
    @Override
    void migrate(String url) throws SQLException {
      migrateFromV4(url);
    }
  }

  /** A store at V1 keeps its run and accepts threat and update runs. */
  @Nested
  class FromV1 extends MigrationTest {
    @Override
    void migrate(String url) throws SQLException {
      migrateFromV1(url);
    }
  }

  private static void migrateFromV4(String url) throws SQLException {
    long old;
    OldStores.migrateTo(url, "4");
    try (Connection c = DriverManager.getConnection(url)) {
      old =
          OldStores.insert(
              c,
              "INSERT INTO runs (kind, status, scenario_name, scenario_yaml, owner, team,"
                  + " replications, seed, done, created, process_key)"
                  + " VALUES ('update', 'queued', 'alpha-plan', 'y: 1', 'ana', 'alpha', 0, 7, 0, ?,"
                  + " 1) RETURNING id",
              OldStores.WRITTEN);
    }
    try (Store store = Store.open(url)) {
      StoredRun kept = store.runs().find(old).orElseThrow();
      assertThat(kept.kind()).isEqualTo(RunKind.UPDATE);
      assertThat(kept.team()).isEqualTo("alpha");
      assertThat(kept.owner()).isEqualTo("ana");
      newKindsFollow(store, old, RunKind.SENSITIVITY, RunKind.SCREENING);
    }
  }

  private static void migrateFromV1(String url) throws SQLException {
    long old;
    OldStores.migrateTo(url, "1");
    try (Connection c = DriverManager.getConnection(url)) {
      old =
          OldStores.insert(
              c,
              "INSERT INTO runs (kind, status, scenario_name, scenario_yaml, owner, replications,"
                  + " seed, done, created, finished, manifest_json, process_key)"
                  + " VALUES ('forecast', 'succeeded', 'isis-2017', 'y: 1', 'ana', 5, 7, 5, ?, ?,"
                  + " '{\"runs\": 5}', 1) RETURNING id",
              OldStores.WRITTEN,
              OldStores.WRITTEN);
    }
    try (Store store = Store.open(url)) {
      StoredRun kept = store.runs().find(old).orElseThrow();
      assertThat(kept.kind()).isEqualTo(RunKind.FORECAST);
      assertThat(kept.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(kept.scenarioName()).isEqualTo("isis-2017");
      assertThat(kept.owner()).isEqualTo("ana");
      assertThat(kept.replications()).isEqualTo(5);
      assertThat(kept.seed()).isEqualTo(7);
      assertThat(kept.manifestJson()).isEqualTo("{\"runs\": 5}");
      assertThat(store.runs().scenarioYaml(old)).contains("y: 1");
      newKindsFollow(store, old, RunKind.THREAT, RunKind.UPDATE);
    }
  }

  /**
   * Runs of two kinds the migration allows are stored after the old run, in order, with their
   * kinds, beside it (an update or screening simulates nothing and has zero replications).
   */
  private static void newKindsFollow(Store store, long old, RunKind first, RunKind second) {
    StoredRun a = store.runs().create(first, "isis-2017", "y: 1", "ana", 20, 7, null);
    StoredRun b = store.runs().create(second, "isis-2017", "y: 1", "ana", 0, 7, null);
    assertThat(a.id()).isGreaterThan(old);
    assertThat(b.id()).isGreaterThan(a.id());
    assertThat(store.runs().find(a.id()).orElseThrow().kind()).isEqualTo(first);
    assertThat(store.runs().find(b.id()).orElseThrow().kind()).isEqualTo(second);
    assertThat(store.runs().list()).hasSize(3);
  }
}
