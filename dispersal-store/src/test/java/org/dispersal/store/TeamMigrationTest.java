package org.dispersal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Migration V4 adds team visibility to a store that already holds a scenario and a run: both stay
 * visible to everyone (the scenario shared with no team, the run with no team), keep their ids and
 * fields, and team scenarios and runs can be added after them. On DuckDB, and on PostgreSQL when
 * DISPERSAL_TEST_PG_URL is set.
 */
class TeamMigrationTest extends MigrationTest {

  /** A store at V3 with a scenario and a run, both kept shared. */
  @Override
  void migrate(String url) throws SQLException {
    OldStores.migrateTo(url, "3");
    long scenario;
    long run;
    try (Connection c = DriverManager.getConnection(url)) {
      scenario =
          OldStores.insert(
              c,
              "INSERT INTO scenarios (name, yaml, owner, built_in, created, updated)"
                  + " VALUES ('old-plan', 'extends: isis-2017', 'ana', FALSE, ?, ?) RETURNING id",
              OldStores.WRITTEN,
              OldStores.WRITTEN);
      run =
          OldStores.insert(
              c,
              "INSERT INTO runs (kind, status, scenario_name, scenario_yaml, owner, replications,"
                  + " seed, done, created, process_key)"
                  + " VALUES ('forecast', 'queued', 'old-plan', 'y: 1', 'ana', 5, 7, 0, ?, 1)"
                  + " RETURNING id",
              OldStores.WRITTEN);
    }
    try (Store store = Store.open(url)) {
      StoredScenario kept = store.scenarios().find(scenario).orElseThrow();
      assertThat(kept.name()).isEqualTo("old-plan");
      assertThat(kept.owner()).isEqualTo("ana");
      assertThat(kept.yaml()).isEqualTo("extends: isis-2017");
      assertThat(kept.visibility()).isEqualTo(Visibility.SHARED);
      assertThat(kept.team()).isNull();
      StoredRun keptRun = store.runs().find(run).orElseThrow();
      assertThat(keptRun.scenarioName()).isEqualTo("old-plan");
      assertThat(keptRun.team()).isNull();

      StoredScenario team =
          store.scenarios().create("new-plan", "y: 2", "ana", Visibility.TEAM, "alpha");
      assertThat(team.id()).isGreaterThan(scenario);
      assertThat(store.scenarios().find(team.id())).contains(team);
      StoredRun teamRun =
          store.runs().create(RunKind.FORECAST, "new-plan", "y: 2", "ana", 5, 7, null, "alpha");
      assertThat(teamRun.id()).isGreaterThan(run);
      assertThat(store.runs().find(teamRun.id()).orElseThrow().team()).isEqualTo("alpha");
    }
  }
}
