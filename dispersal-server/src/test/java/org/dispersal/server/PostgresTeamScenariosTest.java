package org.dispersal.server;

/** Team-private scenarios and runs on PostgreSQL (DISPERSAL_TEST_PG_URL). */
class PostgresTeamScenariosTest extends TeamScenariosContract {

  @Override
  String databaseUrl() {
    return TestServers.postgres();
  }
}
