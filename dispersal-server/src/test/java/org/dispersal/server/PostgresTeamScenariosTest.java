package org.dispersal.server;

import org.dispersal.store.TestDatabases;

/** Team-private scenarios and runs on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresTeamScenariosTest extends TeamScenariosContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
