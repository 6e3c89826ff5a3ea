package org.dispersal.server;

import org.dispersal.store.TestDatabases;
import org.junit.jupiter.api.Tag;

/** Team-private scenarios and runs on PostgreSQL (DISPERSAL_TEST_PG_URL). */
@Tag("postgresql")
class PostgresTeamScenariosTest extends TeamScenariosContract {

  @Override
  String databaseUrl() {
    return TestDatabases.postgres();
  }
}
